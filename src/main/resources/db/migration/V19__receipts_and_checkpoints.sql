-- Receipts off the intake path (issue 8): a donation is recorded without a receipt number, and one
-- issuer at a time (the transaction that holds the year's charity_receipt_counter row) numbers the
-- committed donations moments later, so no request waits on the counter.
ALTER TABLE charity_donation ALTER COLUMN receipt_no DROP NOT NULL;
ALTER TABLE charity_donation ADD COLUMN receipt_issued_at TIMESTAMP WITH TIME ZONE;

-- Signed checkpoints of the audit chain (issue 8). Each states the chain's position and hash, links
-- to the checkpoint before it, and is signed with a key that is not in the database, so rewriting
-- the chain from inside the database, or removing a checkpoint, is found by verification.
CREATE TABLE audit_checkpoint (
    no          BIGINT                   PRIMARY KEY,
    chain_id    VARCHAR(36)              NOT NULL,
    seq         BIGINT                   NOT NULL,
    entry_hash  CHAR(64)                 NOT NULL,
    prev_hash   CHAR(64)                 NOT NULL,
    signed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id      VARCHAR(32)              NOT NULL,
    signature   VARCHAR(200)             NOT NULL
);

-- The chain's identity, set when its first checkpoint is signed: it is in every signed statement,
-- and the checkpoints each node has witnessed are kept under it, outside the database.
ALTER TABLE audit_head ADD COLUMN chain_id VARCHAR(36);
