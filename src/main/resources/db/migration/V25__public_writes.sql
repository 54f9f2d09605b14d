-- Public writes that cannot be flooded: one standing application per phone number per call, the
-- organiser's confirmation of an applicant, withdrawal, and the rate-limit buckets every node
-- shares. Every statement runs unchanged on PostgreSQL 15+ and on H2 in PostgreSQL mode.

ALTER TABLE call_application ADD COLUMN call_id BIGINT;
UPDATE call_application SET call_id = (SELECT g.call_id FROM call_group g WHERE g.id = call_application.group_id);
ALTER TABLE call_application ALTER COLUMN call_id SET NOT NULL;
ALTER TABLE call_application ADD CONSTRAINT call_application_call_fk FOREIGN KEY (call_id) REFERENCES civic_call (id);

-- The applicant's phone as compared: digits only, without China's country code. Set while the
-- application stands, cleared when it is withdrawn so the applicant may apply again; NULLs never
-- collide, so the unique index holds exactly the standing applications (H2 has no partial index).
ALTER TABLE call_application ADD COLUMN phone_key VARCHAR(30);
UPDATE call_application SET phone_key = REPLACE(REPLACE(phone, ' ', ''), '-', '');
UPDATE call_application SET phone_key = CASE
    WHEN phone_key LIKE '+86%' THEN SUBSTRING(phone_key, 4)
    WHEN phone_key LIKE '0086%' THEN SUBSTRING(phone_key, 5)
    WHEN phone_key LIKE '+%' THEN SUBSTRING(phone_key, 2)
    ELSE phone_key END;
-- Applications made twice before this rule keep their place; only the first holds the number.
UPDATE call_application SET phone_key = NULL WHERE EXISTS (
    SELECT 1 FROM call_application earlier
    WHERE earlier.call_id = call_application.call_id AND earlier.phone_key = call_application.phone_key
      AND earlier.id < call_application.id);
CREATE UNIQUE INDEX call_application_phone_uk ON call_application (call_id, phone_key);

ALTER TABLE call_application ADD COLUMN confirmed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE call_application ADD COLUMN confirmed_by VARCHAR(100);
ALTER TABLE call_application ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE call_application DROP CONSTRAINT call_application_status_ck;
ALTER TABLE call_application ADD CONSTRAINT call_application_status_ck
    CHECK (status IN ('SUBMITTED','CONFIRMED','ACCEPTED','REJECTED','WITHDRAWN'));

-- Bucket4j's token buckets for the per-address limit on public writes, one row per address and
-- shared by every node; expires_at (epoch milliseconds) is when a bucket is full again and its row
-- can go.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(100) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expiry_ix ON rate_limit_bucket (expires_at);
