package org.civicdesk.calls.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the API and the pages show of calls. */
final class Views {

    private Views() {
    }

    record CallView(long id, String code, String title, String description, String contact, List<GroupView> groups) {
    }

    /** @param taken places held by submitted, confirmed and accepted applications */
    record GroupView(long id, String code, String name, int quota, Sex sex, Integer minAge, Integer maxAge,
            long taken) {
    }

    record Submitted(long id, ApplicationStatus status) {
    }

    /** An application as its applicant looks it up: nothing the applicant did not already know but its status. */
    record ApplicantView(long id, String call, String callTitle, String group, ApplicationStatus status,
            LocalDate appliedOn) {
    }

    /** An application as the call's organisers see it, with the phone number only they may read. */
    record ApplicationView(long id, String group, String name, Sex sex, LocalDate birthDate, String phone,
            ApplicationStatus status, LocalDate appliedOn, OffsetDateTime decidedAt, String decidedBy) {
    }
}
