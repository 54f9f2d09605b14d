-- An organisation's English name (英文名称), where the city gives one: English pages show it, and the
-- Chinese name where there is none.
ALTER TABLE org ADD COLUMN name_en VARCHAR(200);
