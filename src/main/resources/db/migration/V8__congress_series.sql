-- A series may also be a people's congress, whose sessions are where deputies raise suggestions.
ALTER TABLE meeting_series DROP CONSTRAINT meeting_series_kind_ck;
ALTER TABLE meeting_series ADD CONSTRAINT meeting_series_kind_ck
    CHECK (kind IN ('STANDING_COMMITTEE','CONGRESS','CHAIRS_MEETING','DISPATCH','FORUM','BREAKFAST','OTHER'));
