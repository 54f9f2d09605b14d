package org.civicdesk.calls.internal;

import java.io.Serializable;

import org.civicdesk.shared.Problems;

/** The public form to look up or withdraw one's application: its number and the phone it was made with. */
class ApplicantForm implements Serializable {

    private String number;
    private String phone;

    /** The application's number, or a refusal naming the field when it is not one. */
    long id() {
        try {
            return Long.parseLong(number == null ? "" : number.trim());
        } catch (NumberFormatException e) {
            throw Problems.invalid("number", "calls.validation.number");
        }
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
