-- Receipt numbers in a table of their own (issue 8, the Giving-Day benchmark): a donation's row is
-- written once, by its report, and never again. The issuer used to write each row a second time to
-- number it, a new version of the whole row with an entry in every index of the ledger. Now the
-- report also queues the donation in charity_receipt_pending (one narrow row), and the issuer, in one
-- transaction, inserts the receipt, removes the queue entry and advances the year's counter.
--
-- No foreign key from a receipt to its donation: PostgreSQL would check it by locking the donation's
-- row, a write to it after all; the issuer, the only writer of either table, takes the id from the
-- ledger in the same transaction.
CREATE TABLE charity_receipt (
    donation_id BIGINT                   PRIMARY KEY,
    receipt_no  VARCHAR(20)              NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT charity_receipt_no_uk UNIQUE (receipt_no)
);

CREATE TABLE charity_receipt_pending (
    donation_id BIGINT PRIMARY KEY
);

INSERT INTO charity_receipt (donation_id, receipt_no, issued_at)
    SELECT id, receipt_no, COALESCE(receipt_issued_at, created_at) FROM charity_donation WHERE receipt_no IS NOT NULL;
INSERT INTO charity_receipt_pending (donation_id)
    SELECT id FROM charity_donation WHERE receipt_no IS NULL;

ALTER TABLE charity_donation DROP CONSTRAINT charity_donation_receipt_uk;
ALTER TABLE charity_donation DROP COLUMN receipt_no;
ALTER TABLE charity_donation DROP COLUMN receipt_issued_at;

-- Only the yearly disclosure filtered on received_on, and its page already reads the whole ledger to
-- list the years that have figures; a year's sum by a sequential scan costs about as much, while the
-- index cost every donation an entry.
DROP INDEX charity_donation_received_ix;
