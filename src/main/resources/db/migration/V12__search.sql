-- 检索 (the public search): its own copy of every document the modules publish, written by the
-- search module when a module announces a change, and read by every node to keep its in-memory
-- index up to date. Replaces the single search_revision row that every change had to lock.
-- Every statement runs unchanged on PostgreSQL 15+ and on H2 in PostgreSQL mode.

-- Orders the versions of one document however the rows are rewritten: a node applies a row only
-- if its revision is higher than the one it holds. A sequence, unlike a counter row, locks nothing.
CREATE SEQUENCE search_document_revision;

-- A withdrawn document keeps its row, emptied, so that other nodes learn to drop it.
-- changed_at is the database's time when the writing transaction began; nodes read again what
-- changed a little before their last read, so a row whose transaction committed late is not missed.
CREATE TABLE search_document (
    kind       VARCHAR(30)              NOT NULL,
    doc_key    VARCHAR(100)             NOT NULL,
    title      VARCHAR(1000)            NOT NULL,
    body       TEXT                     NOT NULL,
    url        VARCHAR(4000)            NOT NULL,
    withdrawn  BOOLEAN                  NOT NULL,
    revision   BIGINT                   NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT search_document_pk PRIMARY KEY (kind, doc_key)
);
CREATE INDEX search_document_changed_ix ON search_document (changed_at);

DROP TABLE search_revision;
