package org.civicdesk.charity;

import java.math.BigDecimal;

import org.civicdesk.shared.PublicContentChanged;

/**
 * What happens at the charity desk (慈善), published in the transaction that makes it happen and
 * delivered to other modules' listeners once it commits. No event names a donor, an applicant or a
 * recipient; amounts are in yuan.
 */
public sealed interface CharityEvent {

    /** The kind of public content a fundraising campaign is. */
    String CAMPAIGN_CONTENT_KIND = "CAMPAIGN";

    /** A fundraising campaign (募捐活动) was set up; the public reads it from now on. */
    record CampaignCreated(String campaignCode) implements CharityEvent, PublicContentChanged {

        @Override
        public String contentKind() {
            return CAMPAIGN_CONTENT_KIND;
        }

        @Override
        public String contentKey() {
            return campaignCode;
        }
    }

    /** A donation was entered in the ledger; a repeated report of it is not an event. */
    record DonationRecorded(long donationId, String campaignCode, BigDecimal amount) implements CharityEvent {
    }

    /** An aid programme (救助项目) with its eligibility rules was set up. */
    record AidProgrammeCreated(String programmeCode) implements CharityEvent {
    }

    /** An application for aid was checked against its programme's rules and recorded. */
    record AidApplicationChecked(long applicationId, String programmeCode, boolean eligible) implements CharityEvent {
    }

    /** An officer approved or declined an application for aid. */
    record AidApplicationDecided(long applicationId, String programmeCode, boolean approved) implements CharityEvent {
    }

    /** Aid was paid out of a programme on an approved application, once. */
    record AidPaid(long paymentId, long applicationId, String programmeCode, BigDecimal amount)
            implements CharityEvent {
    }

    /** The one-yuan livelihood insurance (一元民生保) of a year was taken out. */
    record InsurancePolicyCreated(int year) implements CharityEvent {
    }

    /** A claim on the livelihood insurance of a year was filed. */
    record InsuranceClaimFiled(long claimId, int year) implements CharityEvent {
    }

    /** An officer approved or declined a claim on the livelihood insurance. */
    record InsuranceClaimDecided(long claimId, int year, boolean approved) implements CharityEvent {
    }

    /** A claim on the livelihood insurance of a year was paid, once. */
    record InsuranceClaimPaid(long claimId, int year, BigDecimal amount) implements CharityEvent {
    }
}
