package org.civicdesk.projects.internal;

import java.io.Serializable;

import org.civicdesk.projects.BlockerCommand;

/**
 * A project page's form to raise a blocker (难点问题), bound field by field so that a refusal shows
 * beside each field; the service checks it as it checks the API.
 */
class BlockerForm implements Serializable {

    private String description;
    private String org;
    private Integer workingDays = 5;

    BlockerCommand command() {
        return new BlockerCommand(description, org, workingDays);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getOrg() {
        return org;
    }

    public void setOrg(String org) {
        this.org = org;
    }

    public Integer getWorkingDays() {
        return workingDays;
    }

    public void setWorkingDays(Integer workingDays) {
        this.workingDays = workingDays;
    }
}
