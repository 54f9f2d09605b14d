package org.civicdesk.charity.internal;

import org.civicdesk.charity.CampaignCommand;
import org.civicdesk.charity.Charity;
import org.civicdesk.charity.ClaimCommand;
import org.civicdesk.charity.DonationCommand;
import org.civicdesk.charity.PaymentCommand;
import org.civicdesk.charity.PolicyCommand;
import org.civicdesk.charity.ProgrammeCommand;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The charity desk's commands for other modules, under the rule its API applies: an officer gives them. */
@Service
@PreAuthorize("hasRole('CHARITY_OFFICER')")
class CharityFacade implements Charity {

    private final Campaigns campaigns;
    private final DonationLedger ledger;
    private final AidProgrammes aid;
    private final LivelihoodInsurance insurance;

    CharityFacade(Campaigns campaigns, DonationLedger ledger, AidProgrammes aid, LivelihoodInsurance insurance) {
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.aid = aid;
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
    public void payAid(PaymentCommand payment) {
        aid.pay(payment);
    }

    @Override
    public void insure(PolicyCommand policy) {
        insurance.createPolicy(policy);
    }

    @Override
    public void recordClaim(int policyYear, ClaimCommand claim) {
        insurance.recordClaim(policyYear, claim);
    }
}
