-- An idempotency key belongs to the account that sent it (issue 8): two payment channels that happen
-- to use the same key report two payments, and neither loses its donation to the other's.
ALTER TABLE charity_donation DROP CONSTRAINT charity_donation_key_uk;
ALTER TABLE charity_donation ADD CONSTRAINT charity_donation_key_uk UNIQUE (handled_by, idempotency_key);
