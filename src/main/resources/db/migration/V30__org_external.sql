-- Whether an organisation lies outside the city (外地): a deal's figures count the city's own deals
-- by it. Every organisation recorded so far belongs to the city.
ALTER TABLE org ADD COLUMN external BOOLEAN NOT NULL DEFAULT FALSE;
