package org.civicdesk.calls.internal;

import java.io.Serializable;

import org.civicdesk.calls.internal.Commands.ApplicationCommand;

/** The application form of a call's public page; the service checks it as it checks the API. */
class ApplicationForm implements Serializable {

    private String group;
    private String name;
    private String sex;
    private String birthDate;
    private String phone;

    ApplicationCommand command() {
        return new ApplicationCommand(group, name, sex, birthDate, phone);
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSex() {
        return sex;
    }

    public void setSex(String sex) {
        this.sex = sex;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String birthDate) {
        this.birthDate = birthDate;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
