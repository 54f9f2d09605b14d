-- Aid applications and insurance claims own their workflow (issue 10; issue 9 item 7): an application
-- is SUBMITTED, then APPROVED with an amount or DECLINED with a reason, then PAID once; a claim
-- likewise. Runs unchanged on PostgreSQL 15+ and on H2 in PostgreSQL mode.

-- The applicant is an account (username) when the resident has one; an officer may apply for a
-- resident who has none, named only. The declarations are null when the applicant did not make them
-- (through the API), and the officer checks them at review.
ALTER TABLE aid_application ADD COLUMN applicant VARCHAR(64);
ALTER TABLE aid_application ADD COLUMN amount_requested NUMERIC(14,2);
ALTER TABLE aid_application ADD COLUMN request_reason VARCHAR(2000);
ALTER TABLE aid_application ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'SUBMITTED';
ALTER TABLE aid_application ADD COLUMN amount_approved NUMERIC(14,2);
ALTER TABLE aid_application ADD COLUMN decision_reason VARCHAR(2000);
ALTER TABLE aid_application ADD COLUMN decided_by VARCHAR(64);
ALTER TABLE aid_application ADD COLUMN decided_on DATE;
ALTER TABLE aid_application ADD COLUMN example BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE aid_application ALTER COLUMN local_hukou DROP NOT NULL;
ALTER TABLE aid_application ALTER COLUMN insured DROP NOT NULL;
ALTER TABLE aid_application ADD CONSTRAINT aid_application_status_ck
    CHECK (status IN ('SUBMITTED', 'APPROVED', 'DECLINED', 'PAID'));
ALTER TABLE aid_application ADD CONSTRAINT aid_application_amounts_ck
    CHECK ((amount_requested IS NULL OR amount_requested > 0) AND (amount_approved IS NULL OR amount_approved > 0));
CREATE INDEX aid_application_queue_ix ON aid_application (status, favoured, id);
CREATE INDEX aid_application_applicant_ix ON aid_application (applicant);

-- Applications paid before the workflow existed are PAID with what was paid. Where one was paid more
-- than once (the fault this migration closes), the first payment settles it and the later ones stay
-- on the ledger as payments without an application, so no money recorded disappears.
UPDATE aid_payment SET application_id = NULL
WHERE application_id IS NOT NULL
  AND id NOT IN (SELECT MIN(p.id) FROM aid_payment p WHERE p.application_id IS NOT NULL GROUP BY p.application_id);
UPDATE aid_application SET status = 'PAID',
    amount_approved = (SELECT p.amount FROM aid_payment p WHERE p.application_id = aid_application.id)
WHERE id IN (SELECT application_id FROM aid_payment WHERE application_id IS NOT NULL);

-- One payment per application, whatever two officers or two nodes do at the same moment. Payments
-- without an application are history only: the desk no longer records them.
ALTER TABLE aid_payment ADD CONSTRAINT aid_payment_application_uk UNIQUE (application_id);

-- A claim is filed with its claimant, incident and the amount claimed; amount and paid_on are what was
-- approved and when it was paid. Claims recorded before were paid claims only.
ALTER TABLE livelihood_claim ADD COLUMN claimant VARCHAR(200);
ALTER TABLE livelihood_claim ADD COLUMN incident VARCHAR(2000);
ALTER TABLE livelihood_claim ADD COLUMN incident_on DATE;
ALTER TABLE livelihood_claim ADD COLUMN amount_claimed NUMERIC(14,2);
ALTER TABLE livelihood_claim ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'SUBMITTED';
ALTER TABLE livelihood_claim ADD COLUMN decision_reason VARCHAR(2000);
ALTER TABLE livelihood_claim ADD COLUMN decided_by VARCHAR(64);
ALTER TABLE livelihood_claim ADD COLUMN filed_on DATE;
ALTER TABLE livelihood_claim ADD COLUMN filed_by VARCHAR(64);
ALTER TABLE livelihood_claim ALTER COLUMN amount DROP NOT NULL;
ALTER TABLE livelihood_claim ALTER COLUMN paid_on DROP NOT NULL;
UPDATE livelihood_claim SET status = 'PAID', amount_claimed = amount, filed_on = paid_on;
ALTER TABLE livelihood_claim ALTER COLUMN filed_on SET NOT NULL;
ALTER TABLE livelihood_claim ALTER COLUMN amount_claimed SET NOT NULL;
ALTER TABLE livelihood_claim ADD CONSTRAINT livelihood_claim_status_ck
    CHECK (status IN ('SUBMITTED', 'APPROVED', 'DECLINED', 'PAID'));
ALTER TABLE livelihood_claim ADD CONSTRAINT livelihood_claim_paid_ck
    CHECK (status <> 'PAID' OR (amount IS NOT NULL AND paid_on IS NOT NULL));
ALTER TABLE livelihood_claim ADD CONSTRAINT livelihood_claim_claimed_ck CHECK (amount_claimed > 0);
CREATE INDEX livelihood_claim_policy_ix ON livelihood_claim (policy_id, status);

-- Who the policy covers, as the federation states it (城区市民), for the disclosure.
ALTER TABLE livelihood_policy ADD COLUMN coverage VARCHAR(200);
