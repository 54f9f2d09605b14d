-- Read-your-writes marks (issue 7) move from matters to the directory as account_change, so that the
-- token check of an API request reads its account's last change in the same statement: a kept read
-- then needs no statement of its own to know whether its reader changed something lately (the
-- benchmark measured two statements per read, token and mark, as a third of the inbox's cost).
-- Rows are only added (no lock is shared between two changes) and cleared after two minutes.
CREATE TABLE account_change (
    account_id BIGINT                   NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX account_change_account_idx ON account_change (account_id, at);
CREATE INDEX account_change_at_idx ON account_change (at);
DROP TABLE matter_write;
