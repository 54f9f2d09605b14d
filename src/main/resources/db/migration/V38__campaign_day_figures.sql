-- A campaign's day figures count a named donor as new on the day of their first gift on the ledger
-- (CampaignFigures), looked up by name and date for each gift of the campaign.
CREATE INDEX charity_donation_donor_ix ON charity_donation (donor_name, received_on);
