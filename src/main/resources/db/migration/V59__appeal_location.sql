-- Where an appeal is about (an Open311 request always says; a resident may): WGS84 degrees and/or the
-- address as written. Either may be absent; lat and lon come together.
ALTER TABLE matter ADD COLUMN lat NUMERIC(9, 6);
ALTER TABLE matter ADD COLUMN lon NUMERIC(9, 6);
ALTER TABLE matter ADD COLUMN address VARCHAR(200);
ALTER TABLE matter ADD CONSTRAINT matter_location_ck CHECK ((lat IS NULL) = (lon IS NULL)
    AND (lat IS NULL OR (lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180)));
CREATE INDEX matter_type_raised_idx ON matter (type, raised_at);
