-- The receipt issuer finds the donations to number in the ledger itself, above a low watermark, instead
-- of in a queue that every donation wrote to (issue 8, the Giving-Day benchmark: the queue's one-column
-- insert cost PostgreSQL as much as the donation's own, on a page that every session appended to).
-- below_id: every donation with an id up to it has its receipt, or will never commit. One row; the
-- issuer that holds it (FOR UPDATE SKIP LOCKED) is the only one numbering.
CREATE TABLE charity_receipt_watermark (
    id       INT    NOT NULL PRIMARY KEY,
    below_id BIGINT NOT NULL,
    CONSTRAINT charity_receipt_watermark_one_ck CHECK (id = 1)
);

-- The donations still queued are those without a receipt: the watermark stays below the first of
-- them, so the issuer numbers them all, in the order of their ids as the queue did.
INSERT INTO charity_receipt_watermark (id, below_id)
    SELECT 1, COALESCE(
        (SELECT MIN(d.id) - 1 FROM charity_donation d
            WHERE NOT EXISTS (SELECT 1 FROM charity_receipt r WHERE r.donation_id = d.id)),
        (SELECT MAX(id) FROM charity_donation),
        0);

DROP TABLE charity_receipt_pending;
