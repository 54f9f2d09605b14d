package org.civicdesk.projects.internal;

import java.io.Serializable;

import org.civicdesk.projects.ApprovalCommand;

/**
 * The form on each required approval (审批) of a project page, to tick it as obtained with its issuer,
 * date and document number, or back as missing.
 */
class ApprovalForm implements Serializable {

    private final String status;
    private final String issuer;
    private final String issuedOn;
    private final String documentNo;

    ApprovalForm(String status, String issuer, String issuedOn, String documentNo) {
        this.status = status;
        this.issuer = issuer;
        this.issuedOn = issuedOn;
        this.documentNo = documentNo;
    }

    ApprovalCommand command() {
        return new ApprovalCommand(status, issuer, issuedOn, documentNo);
    }

    public String getStatus() {
        return status;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getIssuedOn() {
        return issuedOn;
    }

    public String getDocumentNo() {
        return documentNo;
    }
}
