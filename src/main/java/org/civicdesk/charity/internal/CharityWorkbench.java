package org.civicdesk.charity.internal;

import java.util.List;

import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Role;
import org.civicdesk.shared.web.DeskCount;
import org.civicdesk.shared.web.DeskCounts;
import org.civicdesk.shared.web.NavEntries;
import org.civicdesk.shared.web.NavEntry;
import org.civicdesk.shared.web.NavGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The charity pages in the menus, and on an officer's workbench what waits: donations whose receipt is
 * not numbered yet, aid applications and insurance claims to review.
 */
@Component
@Transactional(readOnly = true)
class CharityWorkbench implements NavEntries, DeskCounts {

    private final JdbcClient jdbc;

    CharityWorkbench(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.everyone(NavGroup.PUBLIC, 50, "charity.nav.public", "/public/charity"),
                NavEntry.forRoles(NavGroup.CHARITY, 10, "nav.charity.campaigns", "/charity/campaigns",
                        Role.CHARITY_OFFICER),
                NavEntry.forRoles(NavGroup.CHARITY, 20, "nav.charity.ledger", "/charity/donations",
                        Role.CHARITY_OFFICER),
                NavEntry.forRoles(NavGroup.CHARITY, 30, "nav.charity.aid", "/charity/aid", Role.CHARITY_OFFICER),
                NavEntry.forRoles(NavGroup.CHARITY, 40, "nav.charity.insurance", "/charity/insurance",
                        Role.CHARITY_OFFICER),
                NavEntry.signedIn(NavGroup.CHARITY, 50, "nav.charity.myAid", "/aid/applications"));
    }

    @Override
    public List<DeskCount> countsFor(Actor actor) {
        if (!actor.has(Role.CHARITY_OFFICER)) {
            return List.of();
        }
        return List.of(
                DeskCount.of(NavGroup.CHARITY, 10, "charity.desk.receipts",
                        count("""
                                SELECT COUNT(*) FROM charity_donation d
                                WHERE d.id > (SELECT below_id FROM charity_receipt_watermark)
                                    AND NOT EXISTS (SELECT 1 FROM charity_receipt r WHERE r.donation_id = d.id)"""), "/charity/donations"),
                DeskCount.urgent(NavGroup.CHARITY, 20, "charity.desk.applications",
                        count("SELECT COUNT(*) FROM aid_application WHERE status = 'SUBMITTED'"),
                        "/charity/aid?status=SUBMITTED"),
                DeskCount.urgent(NavGroup.CHARITY, 30, "charity.desk.claims",
                        count("SELECT COUNT(*) FROM livelihood_claim WHERE status = 'SUBMITTED'"),
                        "/charity/insurance"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
