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

    /** @return the id of the application, checked against the programme's rules and submitted */
    long applyForAid(String programme, AidApplicationCommand application);

    void decideAid(long application, ReviewDecision decision);

    /** Pays an approved application the amount approved, today; a second payment is refused. */
    void payAid(long application);

    void insure(PolicyCommand policy);

    /** @return the id of the claim filed */
    long fileClaim(int policyYear, ClaimCommand claim);

    void decideClaim(int policyYear, long claim, ReviewDecision decision);

    /** Pays an approved claim the amount approved, today; a second payment is refused. */
    void payClaim(int policyYear, long claim);
}
