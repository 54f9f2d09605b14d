-- The accounts and bearer tokens of the mixed run's write generator (bench/MatterWriter.java), made
-- past the app in SQL, as the data set is: creating thousands of accounts or tokens through the API
-- hashes a password with bcrypt for each, minutes of the machine's two cores. Run by bench/matters.sh
-- after matters-data.sql, with
--   psql -v prefix=SECRET -v raisers=N -f bench/matters-accounts.sql
-- It makes, all marked as examples in their display names:
-- * per department dept-NNN, the HANDLER bench-h-NNN, who signs and answers its cases, and the
--   HANDLER bench-c-NNN, a colleague who never changes anything and only reads (to see how long
--   others are shown the state before a change);
-- * the RAISER raiser-0 … raiser-(N-1), the raisers the data set names, who rate their answers;
-- * for each of these accounts an API token, the string PREFIX-USERNAME, stored as the app stores
--   tokens: the hex SHA-256 of the string (ApiTokens), valid for two days.
-- Every account gets the password hash of bench-handler, which the script made through the API, so
-- that none has a hash the app could not have written. None of the accounts the read benchmark
-- measures with (bench-handler, bench-supervisor) ever writes.
\set ON_ERROR_STOP on

CREATE TEMP TABLE bench_account AS
SELECT 'bench-h-' || lpad(n::text, 3, '0') AS username, '示例办理员 ' || n AS display_name,
       'dept-' || lpad(n::text, 3, '0') AS org_code, 'HANDLER' AS role
FROM generate_series(1, 200) n
UNION ALL
SELECT 'bench-c-' || lpad(n::text, 3, '0'), '示例同事 ' || n, 'dept-' || lpad(n::text, 3, '0'), 'HANDLER'
FROM generate_series(1, 200) n
UNION ALL
SELECT 'raiser-' || n, '示例提出人 ' || n, NULL, 'RAISER'
FROM generate_series(0, :raisers - 1) n;

INSERT INTO account (username, password_hash, display_name, org_id, enabled, created_at)
SELECT b.username, (SELECT password_hash FROM account WHERE username = 'bench-handler'), b.display_name,
       (SELECT id FROM org WHERE code = b.org_code), TRUE, now()
FROM bench_account b;

INSERT INTO account_role (account_id, role)
SELECT a.id, b.role FROM bench_account b JOIN account a ON a.username = b.username;

INSERT INTO api_token (token_hash, account_id, created_at, expires_at)
SELECT encode(sha256(convert_to(:'prefix' || '-' || a.username, 'UTF8')), 'hex'), a.id, now(),
       now() + interval '2 days'
FROM bench_account b JOIN account a ON a.username = b.username;

DROP TABLE bench_account;
