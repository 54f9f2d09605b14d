package org.civicdesk.notices.internal;

import java.io.Serializable;

import org.civicdesk.notices.NoticeCommand;

/** The administrators' notice form; a form sent without its box ticked keeps the notice as a draft. */
class NoticeForm implements Serializable {

    private String title;
    private String body;
    private String issuerOrg;
    private String kind;
    private boolean publish;

    /** A new form offers an announcement, published at once. */
    static NoticeForm announcement() {
        NoticeForm form = new NoticeForm();
        form.kind = NoticeKind.ANNOUNCEMENT.name();
        form.publish = true;
        return form;
    }

    NoticeCommand command() {
        return new NoticeCommand(title, body, issuerOrg, kind, publish);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getIssuerOrg() {
        return issuerOrg;
    }

    public void setIssuerOrg(String issuerOrg) {
        this.issuerOrg = issuerOrg;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public boolean isPublish() {
        return publish;
    }

    public void setPublish(boolean publish) {
        this.publish = publish;
    }
}
