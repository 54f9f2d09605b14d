-- Notifications become a module of their own (issue 7), fed by the matters module's events. A
-- notification keeps what its text is made of, so that each reader gets it in their own language;
-- rows written before keep the Chinese text they were written with. dedup_key makes a listener that
-- runs twice for one event (after a node died and the event was delivered again) write it once.
ALTER TABLE notification DROP CONSTRAINT notification_once_uk;
ALTER TABLE notification ALTER COLUMN message DROP NOT NULL;
ALTER TABLE notification ADD COLUMN title VARCHAR(200);
ALTER TABLE notification ADD COLUMN org_code VARCHAR(64);
ALTER TABLE notification ADD COLUMN due_date DATE;
ALTER TABLE notification ADD COLUMN dedup_key VARCHAR(200);
CREATE UNIQUE INDEX notification_dedup_idx ON notification (dedup_key);
