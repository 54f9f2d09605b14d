-- 检索: the day a public document is of (a notice's publication, a meeting's day, an answer's), so
-- that readers can filter hits by date. Null for what has no such day (a place). Rows written before
-- this column are refreshed by the check every start makes, which compares the day too.
ALTER TABLE search_document ADD COLUMN doc_date DATE;
