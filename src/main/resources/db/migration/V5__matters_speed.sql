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
