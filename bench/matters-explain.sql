-- EXPLAIN ANALYZE of the SQL behind the measured endpoints, with the parameters the benchmark
-- uses (the handler of dept-001, the series npc-16), as MatterQueries and ApiTokens send it.
\pset pager off
\set today 'current_date'

\echo '=== token check (ApiTokens.resolve, Directory.credentials(id)) ==='
EXPLAIN (ANALYZE, BUFFERS) SELECT account_id FROM api_token WHERE token_hash = repeat('0', 64) AND expires_at > now();
EXPLAIN (ANALYZE, BUFFERS) SELECT a.id, a.username, a.password_hash, a.display_name, o.code AS org_code, a.enabled
  FROM account a LEFT JOIN org o ON o.id = a.org_id WHERE a.id = 2;
EXPLAIN (ANALYZE, BUFFERS) SELECT role FROM account_role WHERE account_id = 2;

\echo '=== inbox of dept-001: count, then the first page ==='
EXPLAIN (ANALYZE, BUFFERS) SELECT COUNT(*) FROM handling_case c
  WHERE c.status IN ('ASSIGNED','SIGNED','REHANDLING') AND c.org_code = 'dept-001';
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id AS case_id, c.matter_id, m.type, m.title, c.org_code, c.role, c.status, c.due_date,
       m.key_matter, m.urgent, c.extension_until
  FROM handling_case c JOIN matter m ON m.id = c.matter_id
  WHERE c.status IN ('ASSIGNED','SIGNED','REHANDLING') AND c.org_code = 'dept-001'
  ORDER BY c.due_date, c.id LIMIT 50 OFFSET 0;

\echo '=== supervision board: seven lists ==='
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, m.title FROM handling_case c JOIN matter m ON m.id = c.matter_id
  WHERE c.status IN ('ASSIGNED','SIGNED','REHANDLING') AND c.due_date < :today ORDER BY c.due_date, c.id LIMIT 50;
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, m.title FROM handling_case c JOIN matter m ON m.id = c.matter_id
  WHERE c.status IN ('ASSIGNED','SIGNED','REHANDLING') AND c.due_date >= :today AND c.due_date <= :today + 7
  ORDER BY c.due_date, c.id LIMIT 50;
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, m.title FROM handling_case c JOIN matter m ON m.id = c.matter_id
  WHERE c.status = 'REHANDLING' ORDER BY c.due_date, c.id LIMIT 50;
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, m.title FROM handling_case c JOIN matter m ON m.id = c.matter_id
  WHERE c.status = 'RETURNED' AND c.replaced_by IS NULL AND m.status IN ('REGISTERED','ASSIGNED','IN_PROGRESS')
  ORDER BY c.id LIMIT 50;
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, m.title FROM handling_case c JOIN matter m ON m.id = c.matter_id
  WHERE c.extension_until IS NOT NULL AND c.status IN ('ASSIGNED','SIGNED','REHANDLING') ORDER BY c.due_date, c.id LIMIT 50;
EXPLAIN (ANALYZE, BUFFERS) SELECT m.*, (SELECT MIN(c.due_date) FROM handling_case c WHERE c.matter_id = m.id
  AND c.status IN ('ASSIGNED','SIGNED','REHANDLING')) AS next_due FROM matter m WHERE m.rating = 'UNSATISFIED'
  ORDER BY m.raised_at DESC, m.id DESC LIMIT 50;
EXPLAIN (ANALYZE, BUFFERS) SELECT m.*, (SELECT MIN(c.due_date) FROM handling_case c WHERE c.matter_id = m.id
  AND c.status IN ('ASSIGNED','SIGNED','REHANDLING')) AS next_due FROM matter m
  WHERE m.key_matter = TRUE AND m.status NOT IN ('CLOSED','REJECTED') ORDER BY m.raised_at DESC, m.id DESC LIMIT 50;

\echo '=== public stats of npc-16: three queries ==='
EXPLAIN (ANALYZE, BUFFERS) SELECT COUNT(*) AS items,
       COALESCE(SUM(CASE WHEN m.status = 'CLOSED' THEN 1 ELSE 0 END), 0) AS closed,
       COALESCE(SUM(CASE WHEN m.status = 'REJECTED' THEN 1 ELSE 0 END), 0) AS rejected,
       COALESCE(SUM(CASE WHEN m.status = 'ANSWERED' THEN 1 ELSE 0 END), 0) AS answered
  FROM matter m WHERE m.series_slug = 'npc-16';
EXPLAIN (ANALYZE, BUFFERS) SELECT COUNT(*) FROM handling_case c JOIN matter m ON m.id = c.matter_id
  WHERE m.series_slug = 'npc-16' AND c.status <> 'RETURNED';
EXPLAIN (ANALYZE, BUFFERS) SELECT COUNT(*) FROM matter m WHERE m.series_slug = 'npc-16'
  AND m.status NOT IN ('CLOSED','REJECTED') AND EXISTS (SELECT 1 FROM handling_case c WHERE
  c.matter_id = m.id AND c.status IN ('ASSIGNED','SIGNED','REHANDLING') AND c.due_date < :today);
