package org.civicdesk.meetings.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.civicdesk.meetings.DiscussedProjects;
import org.civicdesk.meetings.RaisedItems;
import org.civicdesk.meetings.internal.MeetingForms.AgendaForm;
import org.civicdesk.meetings.internal.MeetingForms.CheckInForm;
import org.civicdesk.meetings.internal.MeetingForms.CloseForm;
import org.civicdesk.meetings.internal.MeetingForms.InviteForm;
import org.civicdesk.meetings.internal.MeetingForms.DecisionForm;
import org.civicdesk.meetings.internal.MeetingForms.MeetingForm;
import org.civicdesk.meetings.internal.MeetingForms.MinutesForm;
import org.civicdesk.meetings.internal.MeetingForms.SeriesForm;
import org.civicdesk.meetings.internal.Views.AgendaItemView;
import org.civicdesk.meetings.internal.Views.MeetingView;
import org.civicdesk.meetings.internal.Views.ParticipantView;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.civicdesk.shared.web.ListFilter;
import org.civicdesk.shared.web.Pager;
import org.civicdesk.shared.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The organisers' pages (ADMIN or SUPERVISOR): series, creating a meeting, inviting, approving,
 * checking people in at the door, the agenda with its decisions, and closing with the report.
 * Every form goes through the same services as the API.
 */
@Controller
@RequestMapping("/meetings")
@PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
class MeetingPages {

    private static final int PAGE_SIZE = 50;

    private final MeetingService meetings;
    private final ParticipationService participation;
    private final SeriesStatistics statistics;
    private final ProblemResponses problems;
    private final ObjectProvider<DiscussedProjects> discussed;

    MeetingPages(MeetingService meetings, ParticipationService participation, SeriesStatistics statistics,
            ProblemResponses problems, ObjectProvider<DiscussedProjects> discussed) {
        this.meetings = meetings;
        this.participation = participation;
        this.statistics = statistics;
        this.problems = problems;
        this.discussed = discussed;
    }

    @ModelAttribute("seriesKinds")
    SeriesKind[] seriesKinds() {
        return SeriesKind.values();
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("series", meetings.allSeries());
        model.addAttribute("meetings", meetings.upcomingFirst(meetings.meetings(null, null, null, true)));
        model.addAttribute("reminders", meetings.awaitingReport());
        Forms.addIfAbsent(model, "form", SeriesForm::new);
        return "meetings/index";
    }

    @PostMapping("/series")
    @FormPage("/meetings")
    String createSeries(@ModelAttribute("form") SeriesForm form, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", meetings.createSeries(form.command()).name());
        return "redirect:/meetings";
    }

    @GetMapping("/new")
    String newMeeting(@RequestParam(required = false) String series, Model model) {
        Forms.addIfAbsent(model, "form", () -> {
            MeetingForm form = new MeetingForm();
            form.setSeries(series);
            form.setSelfRegistration(true);
            return form;
        });
        Map<String, String> seriesOptions = new LinkedHashMap<>();
        List<Views.SeriesView> all = meetings.allSeries();
        all.forEach(s -> seriesOptions.put(s.slug(), s.name()));
        model.addAttribute("series", all);
        model.addAttribute("seriesOptions", seriesOptions);
        return "meetings/form";
    }

    @PostMapping
    @FormPage("/meetings/new")
    String createMeeting(@ModelAttribute("form") MeetingForm form, RedirectAttributes redirect) {
        MeetingView created = meetings.createMeeting(form.command());
        redirect.addFlashAttribute("saved", created.title());
        return "redirect:/meetings/" + created.id();
    }

    @GetMapping("/{id}")
    String meeting(@PathVariable long id, @ModelAttribute("filter") ParticipantFilter filter, BindingResult errors,
            HttpServletResponse response, @RequestParam(defaultValue = "0") int page, Model model) {
        MeetingView meeting = meetings.meetingView(id);
        List<ParticipantView> people = participation.participants(id);
        List<AgendaItemView> agenda = meetings.agenda(id);
        RaisedItems.Counts raised = statistics.forMeeting(id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("participants", List.of());
        ListFilter.read(errors, response, filter::criteria).ifPresent(c -> {
            List<ParticipantView> shown = participation.participants(id, c, Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
            model.addAttribute("participants", shown);
            model.addAttribute("pager", Pager.of(participation.countParticipants(id, c), shown.size(), page, PAGE_SIZE));
        });
        model.addAttribute("invitationStatuses", InvitationStatus.values());
        model.addAttribute("registrationStatuses", RegistrationStatus.values());
        model.addAttribute("arrivals", ParticipantFilter.Arrival.values());
        addTurnout(model, people);
        model.addAttribute("agenda", agenda);
        model.addAttribute("raised", raised);
        model.addAttribute("discussed", PublicMeetingPages.discussed(discussed, id));
        model.addAttribute("roles", ParticipantRole.values());
        model.addAttribute("kinds", AttendeeKind.values());
        Forms.addIfAbsent(model, "inviteForm", InviteForm::new);
        Forms.addIfAbsent(model, "closeForm", () -> new CloseForm(suggestedReport(people, agenda, raised)));
        return "meetings/meeting";
    }

    @PostMapping("/{id}/publish")
    @FormPage("/meetings/{id}")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, "/meetings/" + id, meetings.publish(id));
    }

    @PostMapping("/{id}/close")
    @FormPage("/meetings/{id}")
    String close(@PathVariable long id, @ModelAttribute("closeForm") CloseForm form, RedirectAttributes redirect) {
        return done(redirect, "/meetings/" + id, meetings.close(id, form.getReport()));
    }

    @PostMapping("/{id}/invitations")
    @FormPage("/meetings/{id}")
    String invite(@PathVariable long id, @ModelAttribute("inviteForm") InviteForm form, RedirectAttributes redirect) {
        return done(redirect, "/meetings/" + id, participation.invite(id, form.command()).participant().name());
    }

    @PostMapping("/{id}/registrations/{username}/approve")
    @FormPage("/meetings/{id}")
    String approve(@PathVariable long id, @PathVariable String username, RedirectAttributes redirect) {
        return done(redirect, "/meetings/" + id, participation.approve(id, username).name());
    }

    @PostMapping("/{id}/registrations/{username}/reject")
    @FormPage("/meetings/{id}")
    String reject(@PathVariable long id, @PathVariable String username, RedirectAttributes redirect) {
        return done(redirect, "/meetings/" + id, participation.reject(id, username).name());
    }

    /** 签到 — the door: a scanner types the code into the focused field and presses Enter. */
    @GetMapping("/{id}/check-in")
    String checkInPage(@PathVariable long id, Model model) {
        model.addAttribute("meeting", meetings.meetingView(id));
        List<ParticipantView> people = participation.participants(id);
        addTurnout(model, people);
        model.addAttribute("arrived", people.stream()
                .filter(p -> p.attendedAt() != null)
                .sorted((a, b) -> b.attendedAt().compareTo(a.attendedAt())).toList());
        Forms.addIfAbsent(model, "checkInForm", CheckInForm::new);
        return "meetings/check-in";
    }

    @PostMapping("/{id}/check-in")
    @FormPage("/meetings/{id}/check-in")
    String checkIn(@PathVariable long id, @ModelAttribute("checkInForm") CheckInForm form,
            RedirectAttributes redirect) {
        ParticipationService.Outcome outcome = participation.checkIn(id, form.command());
        redirect.addFlashAttribute(outcome.created() ? "checkedIn" : "alreadyIn", outcome.participant().name());
        return "redirect:/meetings/" + id + "/check-in";
    }

    @GetMapping("/{id}/agenda")
    String agenda(@PathVariable long id, Model model) {
        MeetingView meeting = meetings.meetingView(id);
        model.addAttribute("meeting", meeting);
        List<AgendaItemView> agenda = meetings.agenda(id);
        model.addAttribute("agenda", agenda);
        agenda.forEach(item -> Forms.addIfAbsent(model, Forms.rowName("decisionForm", item.id()),
                () -> new DecisionForm(item.decision())));
        model.addAttribute("agendaKinds", AgendaKind.values());
        Forms.addIfAbsent(model, "form", AgendaForm::new);
        Forms.addIfAbsent(model, "minutesForm", () -> new MinutesForm(meeting.minutes()));
        return "meetings/agenda";
    }

    @PostMapping("/{id}/agenda")
    @FormPage("/meetings/{id}/agenda")
    String addAgendaItem(@PathVariable long id, @ModelAttribute("form") AgendaForm form, RedirectAttributes redirect) {
        return done(redirect, "/meetings/" + id + "/agenda", meetings.addAgendaItem(id, form.command()).title());
    }

    @PostMapping("/{id}/agenda/{itemId}/decision")
    @FormPage(value = "/meetings/{id}/agenda", row = "itemId")
    String decide(@PathVariable long id, @PathVariable long itemId, @ModelAttribute("decisionForm") DecisionForm form,
            RedirectAttributes redirect) {
        return done(redirect, "/meetings/" + id + "/agenda",
                meetings.recordDecision(id, itemId, form.getDecision()).title());
    }

    @PostMapping("/{id}/minutes")
    @FormPage("/meetings/{id}/agenda")
    String minutes(@PathVariable long id, @ModelAttribute("minutesForm") MinutesForm form,
            RedirectAttributes redirect) {
        return done(redirect, "/meetings/" + id + "/agenda", meetings.setMinutes(id, form.getMinutes()));
    }

    private void addTurnout(Model model, List<ParticipantView> people) {
        model.addAttribute("turnout", participation.turnout(people));
        model.addAttribute("opensMinutes", participation.checkInOpensBefore().toMinutes());
    }

    /** Says what was done, by the meeting's title or the person's name, on the page it goes back to. */
    private static String done(RedirectAttributes redirect, String back, Object what) {
        redirect.addFlashAttribute("saved", what instanceof MeetingView m ? m.title() : what);
        return "redirect:" + back;
    }

    private String suggestedReport(List<ParticipantView> people, List<AgendaItemView> agenda, RaisedItems.Counts raised) {
        List<ParticipantView> came = people.stream().filter(p -> p.attendedAt() != null).toList();
        String names = came.isEmpty() ? "—" : came.stream().map(ParticipantView::name).collect(Collectors.joining("、"));
        String decisions = agenda.stream().filter(a -> a.decision() != null)
                .map(a -> a.title() + "：" + a.decision()).collect(Collectors.joining("；"));
        return problems.message("meetings.report.suggested", came.size(), names, agenda.size(), decisions,
                raised.items(), raised.closed(), raised.inProgress());
    }
}
