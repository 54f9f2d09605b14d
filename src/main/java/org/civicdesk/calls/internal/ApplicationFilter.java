package org.civicdesk.calls.internal;

import org.civicdesk.shared.Checks;
import org.civicdesk.shared.web.ListFilter;

/** The filter form above a call's applications: where they stand, the group, a name or phone number. */
class ApplicationFilter {

    private String status;
    private String group;
    private String q;

    /** What the list is narrowed to; null fields do not narrow it. */
    record Criteria(ApplicationStatus status, String group, String text) {
    }

    Criteria criteria(Checks checks, Views.CallView call) {
        ApplicationStatus s = checks.oneOf("status", status, ApplicationStatus.class);
        String g = group == null || group.isBlank() ? null : group.trim();
        checks.check(g == null || call.groups().stream().anyMatch(x -> x.code().equals(g)), "group",
                "calls.validation.unknownGroup", g);
        return new Criteria(s, g, ListFilter.text(checks, "q", q));
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }
}
