package org.civicdesk.meetings.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicdesk.meetings.internal.MeetingForms.RegistrationForm;
import org.civicdesk.meetings.internal.Views.MeetingView;
import org.civicdesk.meetings.internal.Views.MyMeeting;
import org.civicdesk.meetings.internal.Views.ParticipantView;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的会议 — an invitee's pages, for any signed-in account: its invitations to accept or decline,
 * the meetings open for registration, and its registration codes with their QR codes.
 */
@Controller
@RequestMapping("/my/meetings")
class MyMeetingPages {

    private final MeetingService meetings;
    private final ParticipationService participation;
    private final QrCodes qr;

    MyMeetingPages(MeetingService meetings, ParticipationService participation, QrCodes qr) {
        this.meetings = meetings;
        this.participation = participation;
        this.qr = qr;
    }

    @GetMapping
    String mine(Model model) {
        List<MyMeeting> mine = upcomingFirst(participation.myMeetings());
        Set<Long> taken = mine.stream().map(m -> m.meeting().id()).collect(Collectors.toSet());
        List<MeetingView> open = meetings.meetings(null, null, null, false).stream()
                .filter(MeetingView::registrationOpen).filter(m -> !taken.contains(m.id())).toList();
        model.addAttribute("mine", mine);
        model.addAttribute("open", open);
        open.forEach(m -> Forms.addIfAbsent(model, Forms.rowName("registrationForm", m.id()),
                () -> new RegistrationForm(AttendeeKind.ENTREPRENEUR.name(), false)));
        model.addAttribute("kinds", AttendeeKind.values());
        return "meetings/mine";
    }

    /** The caller's meetings in the order of {@link MeetingService#upcomingFirst}. */
    private List<MyMeeting> upcomingFirst(List<MyMeeting> mine) {
        Map<Long, MyMeeting> byMeeting = mine.stream().collect(Collectors.toMap(m -> m.meeting().id(), m -> m));
        return meetings.upcomingFirst(mine.stream().map(MyMeeting::meeting).toList()).stream()
                .map(m -> byMeeting.get(m.id())).toList();
    }

    @PostMapping("/{id}/accept")
    @FormPage("/my/meetings")
    String accept(@PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, participation.accept(id));
    }

    @PostMapping("/{id}/decline")
    @FormPage("/my/meetings")
    String decline(@PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, participation.decline(id));
    }

    @PostMapping("/{id}/register")
    @FormPage(value = "/my/meetings", row = "id")
    String register(@PathVariable long id, @ModelAttribute("registrationForm") RegistrationForm form,
            RedirectAttributes redirect) {
        return done(redirect, participation.register(id, form.command()).participant());
    }

    @PostMapping("/{id}/cancel")
    @FormPage("/my/meetings")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, participation.cancel(id));
    }

    /** The caller's own code as a QR code, to show at the door; nobody else's. */
    @GetMapping(path = "/{id}/qr.svg")
    ResponseEntity<String> qr(@PathVariable long id) {
        ParticipantView me = participation.admittingCode(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
                .body(qr.svg(me.code(), me.code()));
    }

    private String done(RedirectAttributes redirect, ParticipantView done) {
        redirect.addFlashAttribute("saved", meetings.meetingView(done.meetingId()).title());
        return "redirect:/my/meetings";
    }
}
