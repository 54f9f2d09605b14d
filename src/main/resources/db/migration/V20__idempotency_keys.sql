-- Idempotency keys of the API's creating requests other than donations, which keep theirs on the
-- ledger (issue 8). A key belongs to the account that sent it ('-' when nobody signed in, which no
-- username can be) and to one kind of request (scope). The row is inserted in the transaction of the
-- request's action and before it, so the two commit together or not at all, and a second request
-- with the same key waits on the primary key until the first has committed, then fails on it and
-- answers with what the first made. result_id is set by the same transaction once the action has
-- made its record, so every committed row has it. Rows are removed after
-- civicdesk.idempotency.kept-for.
CREATE TABLE idempotent_request (
    account         VARCHAR(64)              NOT NULL,
    scope           VARCHAR(64)              NOT NULL,
    idempotency_key VARCHAR(200)             NOT NULL,
    request_hash    VARCHAR(64)              NOT NULL,
    result_id       BIGINT,
    -- Whether the first answer made the record (201) or found it made before (200): a replay answers
    -- with the same status.
    created         BOOLEAN                  NOT NULL DEFAULT TRUE,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotent_request_pk PRIMARY KEY (account, scope, idempotency_key)
);
CREATE INDEX idempotent_request_recorded_ix ON idempotent_request (recorded_at);
