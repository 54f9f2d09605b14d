-- The deliverer of the outbox: a message is claimed by one node for a while (claimed_until), so two
-- nodes never send it both; a failed attempt waits (next_attempt_at) longer each time, and after the
-- last allowed attempt the message is given up (given_up_at) and kept for whoever looks into it.
ALTER TABLE outbox_message ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox_message ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox_message ADD COLUMN given_up_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX outbox_message_due_idx ON outbox_message (sent_at, given_up_at, next_attempt_at);

-- A notification in the app can point anywhere (a meeting, a booking), not only at a matter.
ALTER TABLE notification ADD COLUMN link VARCHAR(300);

-- 已读: who has read which notification. A notification to a department or a role is one row for
-- all its readers, so each reader's reading is kept apart.
CREATE TABLE notification_read (
    notification_id BIGINT                   NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    username        VARCHAR(64)              NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (notification_id, username)
);
CREATE INDEX notification_read_user_idx ON notification_read (username);

-- 提醒方式: which kinds of notification a person also wants by e-mail or SMS; in the app always.
-- Without a row, a kind comes in the app only.
CREATE TABLE notification_preference (
    username VARCHAR(64) NOT NULL,
    kind     VARCHAR(40) NOT NULL,
    email    BOOLEAN     NOT NULL DEFAULT FALSE,
    sms      BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (username, kind)
);

-- Where a person's notifications go, when not to the e-mail and phone of their person record.
CREATE TABLE notification_address (
    username VARCHAR(64) PRIMARY KEY,
    email    VARCHAR(254),
    phone    VARCHAR(30)
);
