package org.civicdesk.projects.internal;

import org.civicdesk.shared.web.ListFilter;

/** The filters of the projects' and the deals' lists, sent by GET: those of every list, and their own. */
final class FilterForms {

    private FilterForms() {
    }

    /** The register of deals: also by fair and by form of transfer. */
    static class DealFilterForm extends ListFilter {
        private String event;
        private String form;

        public String getEvent() {
            return event;
        }

        public void setEvent(String event) {
            this.event = event;
        }

        public String getForm() {
            return form;
        }

        public void setForm(String form) {
            this.form = form;
        }
    }

    /** The project reserve: also by batch and by stage. */
    static class ProjectFilterForm extends ListFilter {
        private String batch;
        private String stage;

        public String getBatch() {
            return batch;
        }

        public void setBatch(String batch) {
            this.batch = batch;
        }

        public String getStage() {
            return stage;
        }

        public void setStage(String stage) {
            this.stage = stage;
        }
    }
}
