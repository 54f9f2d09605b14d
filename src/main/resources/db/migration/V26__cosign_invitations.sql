-- 附议邀请: a raiser names others to co-sign a matter; each becomes a co-signer (matter_cosigner)
-- only by accepting, and until then cannot read the matter. Any name given is kept, whether or not
-- such an account exists, so the raiser learns nothing about who has an account.
CREATE TABLE matter_cosign_invitation (
    matter_id  BIGINT                   NOT NULL REFERENCES matter (id),
    username   VARCHAR(64)              NOT NULL,
    invited_by VARCHAR(64)              NOT NULL,
    invited_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (matter_id, username)
);
CREATE INDEX matter_cosign_invitation_user_ix ON matter_cosign_invitation (username);
