package org.civicdesk.charity.internal;

import org.civicdesk.charity.AidApplicationCommand;
import org.civicdesk.charity.CampaignCommand;
import org.civicdesk.charity.Charity;
import org.civicdesk.charity.ClaimCommand;
import org.civicdesk.charity.DonationCommand;
import org.civicdesk.charity.PolicyCommand;
import org.civicdesk.charity.ProgrammeCommand;
import org.civicdesk.charity.ReviewDecision;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The charity desk's commands for other modules, under the rule its API applies: an officer gives them. */
@Service
@PreAuthorize("hasRole('CHARITY_OFFICER')")
class CharityFacade implements Charity {

    private final Campaigns campaigns;
    private final DonationLedger ledger;
    private final AidProgrammes aid;
    private final AidApplications applications;
    private final LivelihoodInsurance insurance;

    CharityFacade(Campaigns campaigns, DonationLedger ledger, AidProgrammes aid, AidApplications applications,
            LivelihoodInsurance insurance) {
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.aid = aid;
        this.applications = applications;
        this.insurance = insurance;
    }

    @Override
    public void openCampaign(CampaignCommand campaign) {
        campaigns.create(campaign);
    }

    @Override
    public void recordDonation(DonationCommand donation, String idempotencyKey) {
        ledger.record(donation, idempotencyKey);
    }

    @Override
    public void setUpProgramme(ProgrammeCommand programme) {
        aid.create(programme);
    }

    @Override
    public long applyForAid(String programme, AidApplicationCommand application) {
        return applications.apply(programme, application).id();
    }

    @Override
    public void decideAid(long application, ReviewDecision decision) {
        applications.decide(application, decision);
    }

    @Override
    public void payAid(long application) {
        applications.pay(application);
    }

    @Override
    public void insure(PolicyCommand policy) {
        insurance.createPolicy(policy);
    }

    @Override
    public long fileClaim(int policyYear, ClaimCommand claim) {
        return insurance.fileClaim(policyYear, claim).id();
    }

    @Override
    public void decideClaim(int policyYear, long claim, ReviewDecision decision) {
        insurance.decide(policyYear, claim, decision);
    }

    @Override
    public void payClaim(int policyYear, long claim) {
        insurance.pay(policyYear, claim);
    }
}
