-- pgbench's transaction for bench/donations.sh: one row with an amount with cents, committed alone,
-- into a table of its own. What PostgreSQL on this machine commits per second at the same
-- concurrency is the ceiling a donation, itself one committed row and more, is measured against.
\set cents random(100, 99999)
INSERT INTO bench_insert (amount, at) VALUES (:cents / 100.0, now());
