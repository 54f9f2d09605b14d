-- The front page lists the latest published answers (MatterFigures): with this index it reads the last
-- few answers rather than every case.
CREATE INDEX handling_case_answered_idx ON handling_case (answered_at);
