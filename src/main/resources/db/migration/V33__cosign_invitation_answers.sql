-- An answered invitation stays, so that the raiser sees who accepted and who declined; an
-- unanswered one stays INVITED, whether or not such an account exists.
ALTER TABLE matter_cosign_invitation ADD COLUMN state VARCHAR(8) DEFAULT 'INVITED' NOT NULL;
ALTER TABLE matter_cosign_invitation ADD COLUMN answered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE matter_cosign_invitation ADD CONSTRAINT matter_cosign_invitation_state_ck
    CHECK (state IN ('INVITED', 'ACCEPTED', 'DECLINED'));
