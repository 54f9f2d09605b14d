package org.civicdesk.notifications.internal;

import java.time.Clock;
import java.util.Locale;

import org.civicdesk.charity.CharityEvent;
import org.civicdesk.charity.ReviewOutcomes;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.web.Formats;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells an applicant for aid, and a claimant on the livelihood insurance who has an account, of the
 * decision on it: approved with the amount, declined with the officer's reason, and paid. The charity
 * events name nobody, so who it is for is read from the charity desk when the event arrives.
 */
@Component
class ReviewDecisions {

    private final ReviewOutcomes outcomes;
    private final Notifications notifications;
    private final Clock clock;
    private final Formats amounts;

    ReviewDecisions(ReviewOutcomes outcomes, Notifications notifications, Clock clock, CitySettings city) {
        this.outcomes = outcomes;
        this.notifications = notifications;
        this.clock = clock;
        // Amounts read alike in both languages (1,500.00), so one formatting serves every reader.
        this.amounts = new Formats(Locale.SIMPLIFIED_CHINESE, city.timeZone());
    }

    @ApplicationModuleListener
    void on(CharityEvent.AidApplicationDecided e) {
        outcomes.aidApplication(e.applicationId())
                .ifPresent(o -> tell(o, e.approved() ? "AID_APPROVED" : "AID_DECLINED", "/aid/applications/" + o.id()));
    }

    @ApplicationModuleListener
    void on(CharityEvent.AidPaid e) {
        outcomes.aidApplication(e.applicationId()).ifPresent(o -> tell(o, "AID_PAID", "/aid/applications/" + o.id()));
    }

    /** A claim's page is the officers'; the claimant is told in the notification itself. */
    @ApplicationModuleListener
    void on(CharityEvent.InsuranceClaimDecided e) {
        outcomes.insuranceClaim(e.claimId()).ifPresent(o -> tell(o, e.approved() ? "CLAIM_APPROVED" : "CLAIM_DECLINED",
                "/notifications"));
    }

    @ApplicationModuleListener
    void on(CharityEvent.InsuranceClaimPaid e) {
        outcomes.insuranceClaim(e.claimId()).ifPresent(o -> tell(o, "CLAIM_PAID", "/notifications"));
    }

    private void tell(ReviewOutcomes.Outcome o, String kind, String link) {
        if (o.account() == null) {
            return;
        }
        String detail = kind.endsWith("DECLINED") ? o.reason() : amounts.money(o.amount());
        if (detail != null && detail.length() > 500) {
            detail = detail.substring(0, 499) + "…";
        }
        notifications.toAccount(o.account(), kind, null, o.subject(), null, detail, link,
                kind + ":" + (kind.startsWith("AID") ? "a" : "c") + o.id(), clock.instant());
    }
}
