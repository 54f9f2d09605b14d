package org.civicdesk.charity;

/**
 * What a charity officer records, for other modules that record on someone's behalf (the demo city
 * does). Each command is the one the charity API takes, refused unless the acting person is a
 * CHARITY_OFFICER, checked and audited as the API does.
 */
public interface Charity {

    void openCampaign(CampaignCommand campaign);

    /**
     * Records a donation received today, handled by the acting officer. A repeat of the key with the
     * same donation records nothing; with another one it is refused.
     */
    void recordDonation(DonationCommand donation, String idempotencyKey);

    void setUpProgramme(ProgrammeCommand programme);

    void payAid(PaymentCommand payment);

    void insure(PolicyCommand policy);

    void recordClaim(int policyYear, ClaimCommand claim);
}
