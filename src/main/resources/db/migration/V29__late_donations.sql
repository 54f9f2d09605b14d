-- A campaign that has ended refuses donations (issue 10) unless an officer enters one late, saying why
-- (补录): the reason stays on the ledger beside the donation.
ALTER TABLE charity_donation ADD COLUMN late_reason VARCHAR(500);
