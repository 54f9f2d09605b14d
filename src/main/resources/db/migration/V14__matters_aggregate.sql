-- Matters as an aggregate (issue 7): the tallies counted in stripes, the case version gone (the
-- matter's version guards the whole aggregate), alerts once per case and due date, and the marks of
-- who changed matters when, so that they read their own changes on every node.

-- Each tally row is kept in 8 stripes, chosen by the matter's id (MOD(matter_id, 8)), and read as their
-- sum, so that concurrent transitions of one series, status or due date do not all lock one row.
DROP TABLE matter_tally;
CREATE TABLE matter_tally (
    series_slug VARCHAR(64) NOT NULL,
    status      VARCHAR(20) NOT NULL,
    stripe      SMALLINT    NOT NULL,
    matters     BIGINT      NOT NULL,
    cases       BIGINT      NOT NULL,
    PRIMARY KEY (series_slug, status, stripe)
);
INSERT INTO matter_tally (series_slug, status, stripe, matters, cases)
SELECT COALESCE(m.series_slug, ''), m.status, MOD(m.id, 8), COUNT(*), COALESCE(SUM(c.n), 0)
FROM matter m
LEFT JOIN (SELECT matter_id, COUNT(*) AS n FROM handling_case WHERE status <> 'RETURNED' GROUP BY matter_id) c
       ON c.matter_id = m.id
GROUP BY COALESCE(m.series_slug, ''), m.status, MOD(m.id, 8);

DROP TABLE matter_due_tally;
CREATE TABLE matter_due_tally (
    series_slug VARCHAR(64) NOT NULL,
    due_date    DATE        NOT NULL,
    stripe      SMALLINT    NOT NULL,
    matters     BIGINT      NOT NULL,
    PRIMARY KEY (series_slug, due_date, stripe)
);
INSERT INTO matter_due_tally (series_slug, due_date, stripe, matters)
SELECT COALESCE(m.series_slug, ''), d.due, MOD(m.id, 8), COUNT(*)
FROM matter m
JOIN (SELECT matter_id, MIN(due_date) AS due FROM handling_case
      WHERE status IN ('ASSIGNED','SIGNED','REHANDLING') GROUP BY matter_id) d ON d.matter_id = m.id
WHERE m.status NOT IN ('CLOSED','REJECTED')
GROUP BY COALESCE(m.series_slug, ''), d.due, MOD(m.id, 8);

DROP TABLE case_due_tally;
CREATE TABLE case_due_tally (
    org_code VARCHAR(64) NOT NULL,
    due_date DATE        NOT NULL,
    stripe   SMALLINT    NOT NULL,
    cases    BIGINT      NOT NULL,
    PRIMARY KEY (org_code, due_date, stripe)
);
INSERT INTO case_due_tally (org_code, due_date, stripe, cases)
SELECT org_code, due_date, MOD(matter_id, 8), COUNT(*) FROM handling_case
WHERE status IN ('ASSIGNED','SIGNED','REHANDLING')
GROUP BY org_code, due_date, MOD(matter_id, 8);

ALTER TABLE handling_case DROP COLUMN version;

-- The deadline watch alerts a case once per due date and kind (DUE_SOON, OVERDUE): a deadline that
-- moves is alerted again.
CREATE TABLE case_alert (
    case_id    BIGINT                   NOT NULL REFERENCES handling_case (id),
    due_date   DATE                     NOT NULL,
    kind       VARCHAR(20)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, due_date, kind)
);
INSERT INTO case_alert (case_id, due_date, kind, created_at)
SELECT n.case_id, c.due_date, n.kind, MIN(n.created_at)
FROM notification n JOIN handling_case c ON c.id = n.case_id
WHERE n.kind IN ('DUE_SOON','OVERDUE')
GROUP BY n.case_id, c.due_date, n.kind;

-- Who changed matters when: a person with a recent mark reads from the database on every node.
-- Rows are only added (no lock is shared between two changes) and cleared after a minute.
CREATE TABLE matter_write (
    account_id BIGINT                   NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX matter_write_account_idx ON matter_write (account_id, at);
CREATE INDEX matter_write_at_idx ON matter_write (at);
