package org.civicdesk.matters.internal;

import java.time.LocalDate;

import org.civicdesk.matters.internal.MatterReports.GroupBy;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.web.ListFilter;

/**
 * The filter form of the handling report and the departments' league, as the address gives it: how
 * the report is grouped, the period of assignment, the series, the type and the department.
 */
class ReportFilter extends MattersFilter {

    private String groupBy;
    private String org;

    /** What the reader asked for, each bad value a violation of its field. */
    MatterReportPages.Filters filters(Checks checks) {
        checks.oneOf("groupBy", groupBy, GroupBy.class);
        type(checks);
        LocalDate from = ListFilter.date(checks, "from", getFrom());
        LocalDate to = ListFilter.date(checks, "to", getTo());
        ListFilter.period(checks, from, to);
        return MatterReportPages.Filters.of(groupBy, series(), getType(), org, from, to);
    }

    public String getGroupBy() {
        return groupBy;
    }

    public void setGroupBy(String groupBy) {
        this.groupBy = groupBy;
    }

    public String getOrg() {
        return org;
    }

    public void setOrg(String org) {
        this.org = org;
    }
}
