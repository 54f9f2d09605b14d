package org.civicdesk.matters.internal;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.civicdesk.matters.Matters;
import org.civicdesk.shared.PrivacyNotice;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms of the matters pages, bound field by field. Each turns into the command the API takes,
 * so the service checks a form exactly as it checks a JSON request.
 */
final class MatterForms {

    private static final Pattern COSIGNER_SEPARATORS = Pattern.compile("[\\s\\u3000,，、]+");

    private MatterForms() {
    }

    /** 提出事项. A supervisor entering a matter for somebody names the raiser; a raiser raises for itself. */
    static class RaiseForm implements Serializable {
        private String type;
        private String title;
        private String content;
        private String category;
        private String district;
        private String channel;
        private String raiser;
        private boolean confidential;
        private Long meetingId;
        private String cosigners;
        private java.math.BigDecimal lat;
        private java.math.BigDecimal lon;
        private String address;

        Matters.Raise command() {
            return new Matters.Raise(type, title, content, null, meetingId, raiser, category, district, channel, null,
                    confidential, cosignerNames(cosigners), PrivacyNotice.VERSION, lat, lon, address);
        }

        public java.math.BigDecimal getLat() {
            return lat;
        }

        public void setLat(java.math.BigDecimal lat) {
            this.lat = lat;
        }

        public java.math.BigDecimal getLon() {
            return lon;
        }

        public void setLon(java.math.BigDecimal lon) {
            this.lon = lon;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        /** The names typed in one box, split at commas (either width), 顿号 and spaces. */
        static List<String> cosignerNames(String text) {
            return text == null ? List.of()
                    : Arrays.stream(COSIGNER_SEPARATORS.split(text.strip())).filter(n -> !n.isEmpty()).toList();
        }

        /** A fresh form; one entered from a meeting's page raises an entrepreneur's problem at that meeting. */
        static RaiseForm at(Long meetingId) {
            RaiseForm form = new RaiseForm();
            form.meetingId = meetingId;
            if (meetingId != null) {
                form.type = org.civicdesk.matters.MatterType.PROBLEM.name();
            }
            return form;
        }

        /** The meeting where it was raised, when it is entered from that meeting's page. */
        public Long getMeetingId() {
            return meetingId;
        }

        public void setMeetingId(Long meetingId) {
            this.meetingId = meetingId;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getContent() {
            return content;
        }

        public void setContent(String content) {
            this.content = content;
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public String getDistrict() {
            return district;
        }

        public void setDistrict(String district) {
            this.district = district;
        }

        public String getChannel() {
            return channel;
        }

        public void setChannel(String channel) {
            this.channel = channel;
        }

        public String getRaiser() {
            return raiser;
        }

        public void setRaiser(String raiser) {
            this.raiser = raiser;
        }

        public boolean isConfidential() {
            return confidential;
        }

        /** Usernames of those invited to co-sign, as typed. */
        public String getCosigners() {
            return cosigners;
        }

        public void setCosigners(String cosigners) {
            this.cosigners = cosigners;
        }

        public void setConfidential(boolean confidential) {
            this.confidential = confidential;
        }
    }

    /** 交办: a lead with co-handlers, or several departments answering separately. */
    static class AssignForm implements Serializable {
        private String lead;
        private List<String> co = new ArrayList<>();
        private List<String> separate = new ArrayList<>();
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dueDate;

        Matters.Assign command() {
            return new Matters.Assign(lead, co, separate, dueDate);
        }

        public String getLead() {
            return lead;
        }

        public void setLead(String lead) {
            this.lead = lead;
        }

        public List<String> getCo() {
            return co;
        }

        public void setCo(List<String> co) {
            this.co = co == null ? new ArrayList<>() : co;
        }

        public List<String> getSeparate() {
            return separate;
        }

        public void setSeparate(List<String> separate) {
            this.separate = separate == null ? new ArrayList<>() : separate;
        }

        public LocalDate getDueDate() {
            return dueDate;
        }

        public void setDueDate(LocalDate dueDate) {
            this.dueDate = dueDate;
        }
    }

    static class RatingForm implements Serializable {
        private String rating;
        private String comment;

        Matters.Evaluation command() {
            return new Matters.Evaluation(rating, comment);
        }

        public String getRating() {
            return rating;
        }

        public void setRating(String rating) {
            this.rating = rating;
        }

        public String getComment() {
            return comment;
        }

        public void setComment(String comment) {
            this.comment = comment;
        }
    }

    /** A reason: for not accepting a matter, or for returning a case. */
    static class ReasonForm implements Serializable {
        private String reason;

        Matters.Reason command() {
            return new Matters.Reason(reason);
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    static class MergeForm implements Serializable {
        private Long into;

        Matters.Merge command() {
            return new Matters.Merge(into);
        }

        public Long getInto() {
            return into;
        }

        public void setInto(Long into) {
            this.into = into;
        }
    }

    static class SuperviseForm implements Serializable {
        private boolean key;
        private String leader;

        static SuperviseForm of(Views.MatterView matter) {
            SuperviseForm form = new SuperviseForm();
            form.key = matter.key();
            form.leader = matter.supervisingLeader();
            return form;
        }

        Matters.Supervise command() {
            return new Matters.Supervise(key, leader);
        }

        public boolean isKey() {
            return key;
        }

        public void setKey(boolean key) {
            this.key = key;
        }

        public String getLeader() {
            return leader;
        }

        public void setLeader(String leader) {
            this.leader = leader;
        }
    }

    /** A text: a co-handler's opinion, or a supervisor's reminder. */
    static class TextForm implements Serializable {
        private String text;

        Matters.Text command() {
            return new Matters.Text(text);
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }

    static class ExtensionForm implements Serializable {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate until;
        private String reason;

        Matters.Extension command() {
            return new Matters.Extension(until, reason);
        }

        public LocalDate getUntil() {
            return until;
        }

        public void setUntil(LocalDate until) {
            this.until = until;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    static class DecisionForm implements Serializable {
        private Boolean grant;
        private String note;

        Matters.Decision command() {
            return new Matters.Decision(grant, note);
        }

        public Boolean getGrant() {
            return grant;
        }

        public void setGrant(Boolean grant) {
            this.grant = grant;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    static class ContactForm implements Serializable {
        private String method;
        private String note;

        Matters.Contact command() {
            return new Matters.Contact(method, note);
        }

        public String getMethod() {
            return method;
        }

        public void setMethod(String method) {
            this.method = method;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    /** 答复, signed off by the department's head. */
    static class AnswerForm implements Serializable {
        private String category;
        private String text;
        private String signedOffBy;

        Matters.Answer command() {
            return new Matters.Answer(category, text, signedOffBy);
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public String getSignedOffBy() {
            return signedOffBy;
        }

        public void setSignedOffBy(String signedOffBy) {
            this.signedOffBy = signedOffBy;
        }
    }

    static class FollowUpForm implements Serializable {
        private String text;
        private boolean solved;

        Matters.FollowUp command() {
            return new Matters.FollowUp(text, solved);
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public boolean isSolved() {
            return solved;
        }

        public void setSolved(boolean solved) {
            this.solved = solved;
        }
    }

    static class ReassignForm implements Serializable {
        private String orgCode;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dueDate;

        Matters.Reassign command() {
            return new Matters.Reassign(orgCode, dueDate);
        }

        public String getOrgCode() {
            return orgCode;
        }

        public void setOrgCode(String orgCode) {
            this.orgCode = orgCode;
        }

        public LocalDate getDueDate() {
            return dueDate;
        }

        public void setDueDate(LocalDate dueDate) {
            this.dueDate = dueDate;
        }
    }
}
