-- Indexes that let the inbox and the supervision board read only the rows they show, in the order
-- they show them (see bench/README.md for the measurements). H2 has no partial indexes, so these
-- are plain composite indexes; MatterQueries reads the pending states one by one through them.

-- Pending cases by state and due date: the board's overdue, due-soon and re-handling lists.
-- Replaces (status, due_date), which left every row of one due date to be sorted by id.
DROP INDEX handling_case_due_idx;
CREATE INDEX handling_case_status_due_idx ON handling_case (status, due_date, id);

-- A department's inbox: its cases in one state, by due date. Replaces (org_code, status, due_date).
DROP INDEX handling_case_inbox_idx;
CREATE INDEX handling_case_org_due_idx ON handling_case (org_code, status, due_date, id);

-- Returned cases not yet reassigned, oldest first.
CREATE INDEX handling_case_returned_idx ON handling_case (status, replaced_by, id);

-- Extension requests waiting for a decision: few at any time, as a decision clears extension_until.
CREATE INDEX handling_case_extension_idx ON handling_case (extension_until, status, due_date, id);

-- The board's unsatisfied and key matters, newest first.
CREATE INDEX matter_rating_idx ON matter (rating, raised_at, id);
CREATE INDEX matter_key_idx ON matter (key_matter, raised_at, id);

-- Tallies that MatterTallies keeps exact in the same transaction as every change of a matter or its
-- cases, so that the public statistics and the inbox totals read a few rows instead of counting
-- hundreds of thousands. series_slug is '' for matters outside any series.

-- Per series and matter status: the matters, and their cases that were not returned.
CREATE TABLE matter_tally (
    series_slug VARCHAR(64) NOT NULL,
    status      VARCHAR(20) NOT NULL,
    matters     BIGINT      NOT NULL,
    cases       BIGINT      NOT NULL,
    PRIMARY KEY (series_slug, status)
);

-- Per series and date: the open matters whose earliest pending case is due that day.
CREATE TABLE matter_due_tally (
    series_slug VARCHAR(64) NOT NULL,
    due_date    DATE        NOT NULL,
    matters     BIGINT      NOT NULL,
    PRIMARY KEY (series_slug, due_date)
);

-- Per department and date: its pending cases due that day.
CREATE TABLE case_due_tally (
    org_code VARCHAR(64) NOT NULL,
    due_date DATE        NOT NULL,
    cases    BIGINT      NOT NULL,
    PRIMARY KEY (org_code, due_date)
);

-- What is there already.
INSERT INTO matter_tally (series_slug, status, matters, cases)
SELECT COALESCE(m.series_slug, ''), m.status, COUNT(*), COALESCE(SUM(c.n), 0)
FROM matter m
LEFT JOIN (SELECT matter_id, COUNT(*) AS n FROM handling_case WHERE status <> 'RETURNED' GROUP BY matter_id) c
       ON c.matter_id = m.id
GROUP BY COALESCE(m.series_slug, ''), m.status;

INSERT INTO matter_due_tally (series_slug, due_date, matters)
SELECT COALESCE(m.series_slug, ''), d.due, COUNT(*)
FROM matter m
JOIN (SELECT matter_id, MIN(due_date) AS due FROM handling_case
      WHERE status IN ('ASSIGNED','SIGNED','REHANDLING') GROUP BY matter_id) d ON d.matter_id = m.id
WHERE m.status NOT IN ('CLOSED','REJECTED')
GROUP BY COALESCE(m.series_slug, ''), d.due;

INSERT INTO case_due_tally (org_code, due_date, cases)
SELECT org_code, due_date, COUNT(*) FROM handling_case
WHERE status IN ('ASSIGNED','SIGNED','REHANDLING')
GROUP BY org_code, due_date;
