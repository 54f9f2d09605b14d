package org.civicdesk.meetings.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.civicdesk.meetings.RaisedItems;
import org.civicdesk.meetings.internal.Commands.AttendanceCommand;
import org.civicdesk.meetings.internal.Commands.InvitationCommand;
import org.civicdesk.meetings.internal.MeetingForms.AgendaForm;
import org.civicdesk.meetings.internal.MeetingForms.MeetingForm;
import org.civicdesk.meetings.internal.MeetingForms.SeriesForm;
import org.civicdesk.meetings.internal.Views.AgendaItemView;
import org.civicdesk.meetings.internal.Views.MeetingView;
import org.civicdesk.meetings.internal.Views.ParticipantView;
import org.civicdesk.shared.FieldViolation;
import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.web.FormErrors;
import org.civicdesk.shared.web.ProblemResponses;
import org.springframework.http.HttpStatus;
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

/**
 * The organisers' pages (ADMIN or SUPERVISOR): series, creating a meeting, inviting, approving,
 * checking people in at the door, the agenda with its decisions, and closing with the report.
 * Every form goes through the same services as the API.
 */
@Controller
@RequestMapping("/meetings")
@PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
class MeetingPages {

    private final MeetingService meetings;
    private final ParticipationService participation;
    private final SeriesStatistics statistics;
    private final ProblemResponses problems;

    MeetingPages(MeetingService meetings, ParticipationService participation, SeriesStatistics statistics,
            ProblemResponses problems) {
        this.meetings = meetings;
        this.participation = participation;
        this.statistics = statistics;
        this.problems = problems;
    }

    @ModelAttribute("seriesKinds")
    SeriesKind[] seriesKinds() {
        return SeriesKind.values();
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("series", meetings.allSeries());
        model.addAttribute("meetings", meetings.meetings(null, null, null, true));
        model.addAttribute("reminders", meetings.awaitingReport());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SeriesForm());
        }
        return "meetings/index";
    }

    @PostMapping("/series")
    String createSeries(@ModelAttribute("form") SeriesForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("saved", meetings.createSeries(form.command()).name());
            return "redirect:/meetings";
        } catch (ProblemException e) {
            FormErrors.reject(errors, e);
            return index(model);
        }
    }

    @GetMapping("/new")
    String newMeeting(@RequestParam(required = false) String series, Model model) {
        MeetingForm form = new MeetingForm();
        form.setSeries(series);
        form.setSelfRegistration(true);
        return meetingForm(form, model);
    }

    @PostMapping
    String createMeeting(@ModelAttribute("form") MeetingForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return meetingForm(form, model);
        }
        try {
            MeetingView created = meetings.createMeeting(form.command());
            redirect.addFlashAttribute("saved", created.title());
            return "redirect:/meetings/" + created.id();
        } catch (ProblemException e) {
            FormErrors.reject(errors, e);
            return meetingForm(form, model);
        }
    }

    private String meetingForm(MeetingForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("series", meetings.allSeries());
        return "meetings/form";
    }

    @GetMapping("/{id}")
    String meeting(@PathVariable long id, Model model) {
        MeetingView meeting = meetings.meetingView(id);
        List<ParticipantView> people = participation.participants(id);
        List<AgendaItemView> agenda = meetings.agenda(id);
        RaisedItems.Counts raised = statistics.forMeeting(id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("participants", people);
        model.addAttribute("agenda", agenda);
        model.addAttribute("raised", raised);
        model.addAttribute("roles", ParticipantRole.values());
        model.addAttribute("kinds", AttendeeKind.values());
        model.addAttribute("suggestedReport", suggestedReport(people, agenda, raised));
        return "meetings/meeting";
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "/meetings/" + id, () -> meetings.publish(id));
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) String report, RedirectAttributes redirect) {
        return act(redirect, "/meetings/" + id, () -> meetings.close(id, report));
    }

    @PostMapping("/{id}/invitations")
    String invite(@PathVariable long id, @RequestParam(required = false) String username,
            @RequestParam(required = false) String role, @RequestParam(required = false) String kind,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("saved", participation.invite(id, new InvitationCommand(username,
                    blankToNull(role), blankToNull(kind))).participant().name());
        } catch (ProblemException e) {
            flash(redirect, e, "username");
        }
        return "redirect:/meetings/" + id;
    }

    @PostMapping("/{id}/registrations/{username}/approve")
    String approve(@PathVariable long id, @PathVariable String username, RedirectAttributes redirect) {
        return act(redirect, "/meetings/" + id, () -> participation.approve(id, username).name());
    }

    @PostMapping("/{id}/registrations/{username}/reject")
    String reject(@PathVariable long id, @PathVariable String username, RedirectAttributes redirect) {
        return act(redirect, "/meetings/" + id, () -> participation.reject(id, username).name());
    }

    /** 签到 — the door: a scanner types the code into the focused field and presses Enter. */
    @GetMapping("/{id}/check-in")
    String checkInPage(@PathVariable long id, Model model) {
        model.addAttribute("meeting", meetings.meetingView(id));
        model.addAttribute("arrived", participation.participants(id).stream()
                .filter(p -> p.attendedAt() != null)
                .sorted((a, b) -> b.attendedAt().compareTo(a.attendedAt())).toList());
        return "meetings/check-in";
    }

    @PostMapping("/{id}/check-in")
    String checkIn(@PathVariable long id, @RequestParam(required = false) String code,
            @RequestParam(required = false) String username, RedirectAttributes redirect) {
        try {
            ParticipationService.Outcome outcome = participation.checkIn(id,
                    new AttendanceCommand(blankToNull(username), blankToNull(code)));
            redirect.addFlashAttribute(outcome.created() ? "checkedIn" : "alreadyIn", outcome.participant().name());
        } catch (ProblemException e) {
            flash(redirect, e, blankToNull(code) != null ? "code" : "username");
        }
        return "redirect:/meetings/" + id + "/check-in";
    }

    @GetMapping("/{id}/agenda")
    String agenda(@PathVariable long id, Model model) {
        model.addAttribute("meeting", meetings.meetingView(id));
        model.addAttribute("agenda", meetings.agenda(id));
        model.addAttribute("agendaKinds", AgendaKind.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AgendaForm());
        }
        return "meetings/agenda";
    }

    @PostMapping("/{id}/agenda")
    String addAgendaItem(@PathVariable long id, @ModelAttribute("form") AgendaForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("saved", meetings.addAgendaItem(id, form.command()).title());
            return "redirect:/meetings/" + id + "/agenda";
        } catch (ProblemException e) {
            FormErrors.reject(errors, e);
            return agenda(id, model);
        }
    }

    @PostMapping("/{id}/agenda/{itemId}/decision")
    String decide(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String decision,
            RedirectAttributes redirect) {
        return act(redirect, "/meetings/" + id + "/agenda", () -> meetings.recordDecision(id, itemId, decision).title());
    }

    @PostMapping("/{id}/minutes")
    String minutes(@PathVariable long id, @RequestParam(required = false) String minutes, RedirectAttributes redirect) {
        return act(redirect, "/meetings/" + id + "/agenda", () -> meetings.setMinutes(id, minutes).title());
    }

    /** Does it and says so, or says in the reader's language why not; either way back to the page. */
    private String act(RedirectAttributes redirect, String back, Supplier<Object> action) {
        try {
            Object done = action.get();
            redirect.addFlashAttribute("saved", done instanceof MeetingView m ? m.title() : done);
        } catch (ProblemException e) {
            flash(redirect, e, null);
        }
        return "redirect:" + back;
    }

    /**
     * A refusal as a message, and each bad field's message by field name, for the page to show next
     * to the field.
     *
     * @param lookedUp the field whose value named what was not found, if the refusal is a 404
     */
    private void flash(RedirectAttributes redirect, ProblemException e, String lookedUp) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldViolation v : e.violations()) {
            fields.put(v.field(), problems.message(v.messageKey(), v.args()));
        }
        String message = problems.message(e.messageKey(), e.args());
        if (lookedUp != null && e.status() == HttpStatus.NOT_FOUND) {
            fields.put(lookedUp, message);
        } else {
            redirect.addFlashAttribute("problem", message);
        }
        redirect.addFlashAttribute("fieldErrors", fields);
    }

    private String suggestedReport(List<ParticipantView> people, List<AgendaItemView> agenda, RaisedItems.Counts raised) {
        List<ParticipantView> came = people.stream().filter(p -> p.attendedAt() != null).toList();
        String names = came.isEmpty() ? "—" : came.stream().map(ParticipantView::name).collect(Collectors.joining("、"));
        String decisions = agenda.stream().filter(a -> a.decision() != null)
                .map(a -> a.title() + "：" + a.decision()).collect(Collectors.joining("；"));
        return problems.message("meetings.report.suggested", came.size(), names, agenda.size(), decisions,
                raised.items(), raised.closed(), raised.inProgress());
    }


    private static String blankToNull(String s) {
        return MeetingService.blankToNull(s);
    }
}
