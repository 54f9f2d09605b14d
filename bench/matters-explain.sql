-- EXPLAIN ANALYZE of the SQL behind the measured endpoints, with the parameters the benchmark uses
-- (the handler of dept-001, the series npc-16), in the shapes MatterQueries and DirectoryService send
-- it. Run by bench/matters.sh with BENCH_EXPLAIN=1; the results go to bench/out/explain.txt. (The
-- inbox, the board and the statistics are read this way only when what a node keeps is too old or a
-- matter changed, or for a reader who changed matters lately: see MatterReads. Every request with a
-- token reads its account's latest change mark in the token check, below.)
\pset pager off

\echo '=== token check with the latest change mark (DirectoryService.credentialsForToken): once per request ==='
EXPLAIN (ANALYZE, BUFFERS) SELECT a.id, a.username, a.password_hash, a.display_name, o.code AS org_code, a.enabled, r.role,
       (SELECT MAX(c.at) FROM account_change c WHERE c.account_id = a.id) AS last_change
  FROM account a LEFT JOIN org o ON o.id = a.org_id LEFT JOIN account_role r ON r.account_id = a.id
  WHERE a.id = (SELECT t.account_id FROM api_token t WHERE t.token_hash = repeat('0', 64)::varchar AND t.expires_at > now());

\echo '=== inbox of dept-001: total from the tallies, then the first page ==='
EXPLAIN (ANALYZE, BUFFERS) SELECT COALESCE(SUM(cases), 0) FROM case_due_tally WHERE 1 = 1 AND org_code = 'dept-001';
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id AS case_id, c.matter_id, m.type, m.title, c.org_code, c.role, c.status,
       c.due_date, m.key_matter, m.urgent, c.extension_until
  FROM (SELECT id, due_date FROM (
          (SELECT id, due_date FROM handling_case WHERE status = 'ASSIGNED' AND org_code = 'dept-001' ORDER BY due_date, id LIMIT 50)
          UNION ALL (SELECT id, due_date FROM handling_case WHERE status = 'SIGNED' AND org_code = 'dept-001' ORDER BY due_date, id LIMIT 50)
          UNION ALL (SELECT id, due_date FROM handling_case WHERE status = 'REHANDLING' AND org_code = 'dept-001' ORDER BY due_date, id LIMIT 50)
        ) p ORDER BY due_date, id LIMIT 50 OFFSET 0) q
  JOIN handling_case c ON c.id = q.id JOIN matter m ON m.id = c.matter_id ORDER BY q.due_date, q.id;

\echo '=== supervision board: the overdue list (the others have the same shape) and the key matters ==='
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id AS case_id, m.title
  FROM (SELECT id, due_date FROM (
          (SELECT id, due_date FROM handling_case WHERE status = 'ASSIGNED' AND due_date < current_date ORDER BY due_date, id LIMIT 20)
          UNION ALL (SELECT id, due_date FROM handling_case WHERE status = 'SIGNED' AND due_date < current_date ORDER BY due_date, id LIMIT 20)
          UNION ALL (SELECT id, due_date FROM handling_case WHERE status = 'REHANDLING' AND due_date < current_date ORDER BY due_date, id LIMIT 20)
        ) p ORDER BY due_date, id LIMIT 20) q
  JOIN handling_case c ON c.id = q.id JOIN matter m ON m.id = c.matter_id ORDER BY q.due_date, q.id;
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id AS case_id, m.title
  FROM (SELECT id, due_date FROM (SELECT c.id, c.due_date FROM handling_case c JOIN matter m ON m.id = c.matter_id
          WHERE c.status = 'RETURNED' AND c.replaced_by IS NULL AND m.status IN ('REGISTERED','ASSIGNED','IN_PROGRESS')
          ORDER BY c.replaced_by, c.id LIMIT 20) p ORDER BY id LIMIT 20) q
  JOIN handling_case c ON c.id = q.id JOIN matter m ON m.id = c.matter_id ORDER BY q.id;
EXPLAIN (ANALYZE, BUFFERS) SELECT m.*, (SELECT MIN(c.due_date) FROM handling_case c WHERE c.matter_id = m.id
  AND c.status IN ('ASSIGNED','SIGNED','REHANDLING')) AS next_due FROM matter m
  WHERE m.key_matter = TRUE AND m.status NOT IN ('CLOSED','REJECTED') ORDER BY m.raised_at DESC, m.id DESC LIMIT 20;

\echo '=== public stats: the figures of every series at once, from the tallies (MatterQueries.readStats) ==='
EXPLAIN (ANALYZE, BUFFERS) SELECT series_slug, status, SUM(matters) AS matters, SUM(cases) AS cases FROM matter_tally
  GROUP BY series_slug, status;
EXPLAIN (ANALYZE, BUFFERS) SELECT series_slug, SUM(matters) AS matters FROM matter_due_tally WHERE due_date < current_date
  GROUP BY series_slug;
