package org.civicdesk.projects.internal;

import java.util.List;

import org.civicdesk.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * 409 {@code APPROVALS_MISSING}: a project cannot be declared (or go further) while a required
 * approval is missing. The codes are named in the detail and, for programs, listed in the problem's
 * {@code missing} array.
 */
class ApprovalsMissing extends ProblemException {

    static final String CODE = "APPROVALS_MISSING";

    private final transient List<String> missing;

    ApprovalsMissing(List<String> missing) {
        super(HttpStatus.CONFLICT, CODE, "projects.problem.approvalsMissing", List.of(), String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    List<String> missing() {
        return missing;
    }
}
