package org.civicdesk.meetings.internal;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import org.civicdesk.meetings.AgendaItemCommand;
import org.civicdesk.meetings.MeetingCommand;
import org.civicdesk.meetings.SeriesCommand;
import org.civicdesk.meetings.internal.Commands.AttendanceCommand;
import org.civicdesk.meetings.internal.Commands.InvitationCommand;
import org.civicdesk.meetings.internal.Commands.RegistrationCommand;

/** The organisers' forms, bound field by field; the services check them exactly as they check the API. */
final class MeetingForms {

    private MeetingForms() {
    }

    /** Lines of a text area, blank ones dropped: one theme category or one document per line. */
    static List<String> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static class SeriesForm implements Serializable {
        private String slug;
        private String name;
        private String kind;
        private boolean approvalRequired;
        private String description;
        private String themeCategories;

        SeriesCommand command() {
            return new SeriesCommand(slug, name, kind, approvalRequired, description, lines(themeCategories));
        }

        public String getSlug() {
            return slug;
        }

        public void setSlug(String slug) {
            this.slug = slug;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public boolean isApprovalRequired() {
            return approvalRequired;
        }

        public void setApprovalRequired(boolean approvalRequired) {
            this.approvalRequired = approvalRequired;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getThemeCategories() {
            return themeCategories;
        }

        public void setThemeCategories(String themeCategories) {
            this.themeCategories = themeCategories;
        }
    }

    /** Times come from datetime-local inputs, which the service reads in the city's time zone. */
    static class MeetingForm implements Serializable {
        private String series;
        private Integer number;
        private String title;
        private String startsAt;
        private String endsAt;
        private String venue;
        private String host;
        private String theme;
        private String themeCategory;
        private Integer capacity;
        private boolean selfRegistration;
        private boolean draft;

        MeetingCommand command() {
            return new MeetingCommand(series, number, title, startsAt, endsAt, venue, host, theme, themeCategory,
                    capacity, selfRegistration, draft ? MeetingStatus.DRAFT.name() : MeetingStatus.PUBLISHED.name());
        }

        public String getSeries() {
            return series;
        }

        public void setSeries(String series) {
            this.series = series;
        }

        public Integer getNumber() {
            return number;
        }

        public void setNumber(Integer number) {
            this.number = number;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getStartsAt() {
            return startsAt;
        }

        public void setStartsAt(String startsAt) {
            this.startsAt = startsAt;
        }

        public String getEndsAt() {
            return endsAt;
        }

        public void setEndsAt(String endsAt) {
            this.endsAt = endsAt;
        }

        public String getVenue() {
            return venue;
        }

        public void setVenue(String venue) {
            this.venue = venue;
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public String getTheme() {
            return theme;
        }

        public void setTheme(String theme) {
            this.theme = theme;
        }

        public String getThemeCategory() {
            return themeCategory;
        }

        public void setThemeCategory(String themeCategory) {
            this.themeCategory = themeCategory;
        }

        public Integer getCapacity() {
            return capacity;
        }

        public void setCapacity(Integer capacity) {
            this.capacity = capacity;
        }

        public boolean isSelfRegistration() {
            return selfRegistration;
        }

        public void setSelfRegistration(boolean selfRegistration) {
            this.selfRegistration = selfRegistration;
        }

        public boolean isDraft() {
            return draft;
        }

        public void setDraft(boolean draft) {
            this.draft = draft;
        }
    }

    static class AgendaForm implements Serializable {
        private String kind;
        private String title;
        private String presenter;
        private String documents;
        private String decision;

        AgendaItemCommand command() {
            return new AgendaItemCommand(kind, title, presenter, lines(documents), decision);
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getPresenter() {
            return presenter;
        }

        public void setPresenter(String presenter) {
            this.presenter = presenter;
        }

        public String getDocuments() {
            return documents;
        }

        public void setDocuments(String documents) {
            this.documents = documents;
        }

        public String getDecision() {
            return decision;
        }

        public void setDecision(String decision) {
            this.decision = decision;
        }
    }

    /** An invitation from the meeting's page: a guest of no particular kind unless the organiser says. */
    static class InviteForm implements Serializable {
        private String username;
        private String role = ParticipantRole.GUEST.name();
        private String kind = AttendeeKind.OTHER.name();

        InvitationCommand command() {
            return new InvitationCommand(username, MeetingService.blankToNull(role), MeetingService.blankToNull(kind));
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }
    }

    /** The door: a registration code as the scanner types it, or a username. */
    static class CheckInForm implements Serializable {
        private String code;
        private String username;

        AttendanceCommand command() {
            return new AttendanceCommand(MeetingService.blankToNull(username), MeetingService.blankToNull(code));
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }
    }

    /** The report a meeting is closed with; the page suggests one from who came and what was decided. */
    static class CloseForm implements Serializable {
        private final String report;

        CloseForm(String report) {
            this.report = report;
        }

        public String getReport() {
            return report;
        }
    }

    static class MinutesForm implements Serializable {
        private final String minutes;

        MinutesForm(String minutes) {
            this.minutes = minutes;
        }

        public String getMinutes() {
            return minutes;
        }
    }

    /** The decision (决定) recorded on one item of an agenda, a form on each item. */
    static class DecisionForm implements Serializable {
        private final String decision;

        DecisionForm(String decision) {
            this.decision = decision;
        }

        public String getDecision() {
            return decision;
        }
    }

    /** A registration for a meeting open to it, a form on each such meeting of the reader's list. */
    static class RegistrationForm implements Serializable {
        private final String kind;
        private final Boolean waitlist;

        RegistrationForm(String kind, Boolean waitlist) {
            this.kind = kind;
            this.waitlist = waitlist;
        }

        RegistrationCommand command() {
            return new RegistrationCommand(MeetingService.blankToNull(kind), Boolean.TRUE.equals(waitlist));
        }

        public String getKind() {
            return kind;
        }

        public Boolean getWaitlist() {
            return waitlist;
        }
    }
}
