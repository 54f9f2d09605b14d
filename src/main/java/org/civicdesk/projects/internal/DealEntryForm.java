package org.civicdesk.projects.internal;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import org.civicdesk.projects.DealCommand;

/**
 * The deals page's form to record a deal, bound field by field; the service checks it as it checks the
 * API. Each side takes one or more organisation codes, separated by commas or 、.
 */
class DealEntryForm implements Serializable {

    private String title;
    private String patentNo;
    private String from;
    private String to;
    private String form;
    private String amount;
    private String event;
    private String signedOn;

    DealCommand command() {
        return new DealCommand(title, patentNo, codes(from), codes(to), form, amount, event, signedOn, false);
    }

    private static List<String> codes(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getPatentNo() {
        return patentNo;
    }

    public void setPatentNo(String patentNo) {
        this.patentNo = patentNo;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getForm() {
        return form;
    }

    public void setForm(String form) {
        this.form = form;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getSignedOn() {
        return signedOn;
    }

    public void setSignedOn(String signedOn) {
        this.signedOn = signedOn;
    }
}
