package org.civicdesk.matters.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgKind;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.matters.CaseId;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.matters.Matters;
import org.civicdesk.matters.internal.MatterForms.AnswerForm;
import org.civicdesk.matters.internal.MatterForms.AssignForm;
import org.civicdesk.matters.internal.MatterForms.ContactForm;
import org.civicdesk.matters.internal.MatterForms.DecisionForm;
import org.civicdesk.matters.internal.MatterForms.ExtensionForm;
import org.civicdesk.matters.internal.MatterForms.FollowUpForm;
import org.civicdesk.matters.internal.MatterForms.MergeForm;
import org.civicdesk.matters.internal.MatterForms.RaiseForm;
import org.civicdesk.matters.internal.MatterForms.RatingForm;
import org.civicdesk.matters.internal.MatterForms.ReasonForm;
import org.civicdesk.matters.internal.MatterForms.ReassignForm;
import org.civicdesk.matters.internal.MatterForms.SuperviseForm;
import org.civicdesk.matters.internal.MatterForms.TextForm;
import org.civicdesk.matters.internal.Views.CaseDetail;
import org.civicdesk.matters.internal.Views.CaseView;
import org.civicdesk.matters.internal.Views.MatterView;
import org.civicdesk.matters.internal.Views.Page;
import org.civicdesk.meetings.Meetings;
import org.civicdesk.projects.OverdueBlockers;
import org.civicdesk.meetings.SeriesRef;
import org.civicdesk.shared.AccountNames;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.ListFilter;
import org.civicdesk.shared.web.Pager;
import org.civicdesk.shared.web.Forms;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The matters pages for raisers, handling departments, supervisors and the public. Every action goes
 * through {@link MatterCommands} and every read through {@link MatterQueries}, so a page offers what
 * the matter allows its reader ({@link Matter#allowedActions}) and refuses exactly what the API
 * refuses; {@link org.civicdesk.shared.web.PageExceptionHandler} shows the refusal on the page each
 * handler names with {@link FormPage}.
 */
@Controller
class MatterPages {

    private static final int PAGE_SIZE = 50;
    private static final int ORG_LIMIT = 1000;

    private final MatterCommands service;
    private final MatterQueries queries;
    private final Directory directory;
    private final ObjectProvider<Meetings> meetings;
    private final Deadlines deadlines;
    private final ObjectProvider<OverdueBlockers> blockers;
    private final MatterReports reports;
    private final AccountNames accountNames;
    private final AppealReports appeals;

    MatterPages(MatterCommands service, MatterQueries queries, Directory directory, ObjectProvider<Meetings> meetings,
            Deadlines deadlines, ObjectProvider<OverdueBlockers> blockers, MatterReports reports,
            AccountNames accountNames, AppealReports appeals) {
        this.appeals = appeals;
        this.reports = reports;
        this.service = service;
        this.accountNames = accountNames;
        this.queries = queries;
        this.directory = directory;
        this.meetings = meetings;
        this.deadlines = deadlines;
        this.blockers = blockers;
    }

    /** Times are shown in the city's time zone, the one its due dates are counted in. */
    @ModelAttribute("zone")
    ZoneId zone() {
        return deadlines.zone();
    }

    @ModelAttribute("matterTypes")
    MatterType[] matterTypes() {
        return MatterType.values();
    }

    @ModelAttribute("matterStatuses")
    MatterStatus[] matterStatuses() {
        return MatterStatus.values();
    }

    // --- raisers

    @GetMapping("/matters/mine")
    @PreAuthorize("hasRole('RAISER')")
    String mine(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<Views.MatterSummary> matters = queries.matters(null, null, null, null, null, true, Math.max(0, page),
                PAGE_SIZE);
        model.addAttribute("matters", matters.items());
        model.addAttribute("pager", pager(matters, page));
        model.addAttribute("openInvitations", service.openCosignInvitations());
        return "matters/mine";
    }

    /** 附议邀请: the matters others raised and asked the reader to co-sign. */
    @GetMapping("/matters/cosign-invitations")
    @PreAuthorize("hasRole('RAISER')")
    String cosignInvitations(Model model) {
        List<CosignInvitations.Invitation> invitations = service.cosignInvitations();
        Set<String> raisers = new LinkedHashSet<>();
        invitations.forEach(i -> raisers.add(i.raiser()));
        model.addAttribute("invitations", invitations);
        model.addAttribute("raiserNames", displayNames(raisers));
        return "matters/invitations";
    }

    @PostMapping("/matters/{id}/cosign")
    @PreAuthorize("hasRole('RAISER')")
    @FormPage("/matters/cosign-invitations")
    String acceptCosigning(@PathVariable long id, RedirectAttributes redirect) {
        service.acceptCosigning(new MatterId(id));
        return done(redirect, "matters.done.cosigned", "/matters/" + id);
    }

    @PostMapping("/matters/{id}/cosign/decline")
    @PreAuthorize("hasRole('RAISER')")
    @FormPage("/matters/cosign-invitations")
    String declineCosigning(@PathVariable long id, RedirectAttributes redirect) {
        service.declineCosigning(new MatterId(id));
        return done(redirect, "matters.done.cosignDeclined", "/matters/cosign-invitations");
    }

    @GetMapping("/matters/new")
    @PreAuthorize("hasAnyRole('RAISER','SUPERVISOR','ADMIN')")
    String newMatter(@RequestParam(required = false) Long meetingId, Model model) {
        Forms.addIfAbsent(model, "form", () -> RaiseForm.at(meetingId));
        RaiseForm form = (RaiseForm) model.getAttribute("form");
        if (form.getMeetingId() != null) {
            model.addAttribute("meeting", meetings.getObject().meeting(form.getMeetingId()).orElse(null));
        }
        model.addAttribute("channels", Channel.values());
        model.addAttribute("currentPath", "/matters/new");
        return "matters/form";
    }

    @PostMapping("/matters")
    @PreAuthorize("hasAnyRole('RAISER','SUPERVISOR','ADMIN')")
    @FormPage("/matters/new")
    String raise(@ModelAttribute("form") RaiseForm form, RedirectAttributes redirect) {
        MatterId id = service.raise(form.command());
        return done(redirect, "matters.done.raised", "/matters/" + id);
    }

    @GetMapping("/matters/{id}")
    String matter(@PathVariable long id, Model model) {
        return matterPage(id, model);
    }

    @PostMapping("/matters/{id}/evaluation")
    @FormPage("/matters/{id}")
    String evaluate(@PathVariable long id, @ModelAttribute("ratingForm") RatingForm form, RedirectAttributes redirect) {
        service.rate(new MatterId(id), form.command());
        return done(redirect, "matters.done.rated", "/matters/" + id);
    }

    // --- supervisors: intake, assignment and supervision of a matter

    @GetMapping("/matters")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String matters(@ModelAttribute("filter") MatterFilter filter, BindingResult errors, HttpServletResponse response,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        ListFilter.read(errors, response, filter::criteria).ifPresentOrElse(c -> {
            Page<Views.MatterSummary> matters = queries.matters(c.series(), c.meeting(), c.status(), c.type(),
                    c.text(), false, Math.max(0, page), PAGE_SIZE);
            model.addAttribute("matters", matters.items());
            model.addAttribute("raiserNames", raiserNames(matters.items()));
            model.addAttribute("pager", pager(matters, page));
        }, () -> model.addAttribute("matters", List.of()));
        model.addAttribute("seriesNames", seriesNames(queries.seriesWithMatters()));
        return htmx != null ? "matters/list :: results" : "matters/list";
    }

    @PostMapping("/matters/{id}/assignments")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @FormPage("/matters/{id}")
    String assign(@PathVariable long id, @ModelAttribute("assignForm") AssignForm form, RedirectAttributes redirect) {
        service.assign(new MatterId(id), form.command());
        return done(redirect, "matters.done.assigned", "/matters/" + id);
    }

    @PostMapping("/matters/{id}/acceptance")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @FormPage("/matters/{id}")
    String accept(@PathVariable long id, RedirectAttributes redirect) {
        service.accept(new MatterId(id));
        return done(redirect, "matters.done.accepted", "/matters/" + id);
    }

    @PostMapping("/matters/{id}/rejection")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @FormPage("/matters/{id}")
    String rejectMatter(@PathVariable long id, @ModelAttribute("rejectForm") ReasonForm form, RedirectAttributes redirect) {
        service.reject(new MatterId(id), form.command());
        return done(redirect, "matters.done.rejected", "/matters/" + id);
    }

    @PostMapping("/matters/{id}/merge")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @FormPage("/matters/{id}")
    String merge(@PathVariable long id, @ModelAttribute("mergeForm") MergeForm form, RedirectAttributes redirect) {
        service.merge(new MatterId(id), form.command());
        return done(redirect, "matters.done.merged", "/matters/" + id);
    }

    @PostMapping("/matters/{id}/supervision")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @FormPage("/matters/{id}")
    String supervise(@PathVariable long id, @ModelAttribute("superviseForm") SuperviseForm form, RedirectAttributes redirect) {
        service.supervise(new MatterId(id), form.command());
        return done(redirect, "matters.done.supervised", "/matters/" + id);
    }

    @PostMapping("/matters/{id}/close")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @FormPage("/matters/{id}")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        service.closeUnrated(new MatterId(id));
        return done(redirect, "matters.done.closed", "/matters/" + id);
    }

    @GetMapping("/matters/board")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String board(Model model) {
        Views.Board board = queries.board(PAGE_SIZE).value();
        model.addAttribute("board", board);
        model.addAttribute("raiserNames", raiserNames(
                Stream.concat(board.unsatisfied().stream(), board.keyMatters().stream()).toList()));
        model.addAttribute("figures", reports.report(null, null, null, null, null).total());
        model.addAttribute("orgNames", orgNames());
        model.addAttribute("seriesNames", seriesNames(queries.seriesWithMatters()));
        // Project blockers are chased here like cases, though the projects module keeps them.
        OverdueBlockers projectBlockers = blockers.getIfAvailable();
        model.addAttribute("blockers", projectBlockers == null ? List.of() : projectBlockers.overdue());
        return "matters/board";
    }

    private String matterPage(long id, Model model) {
        MatterView m = queries.matter(new MatterId(id));
        Actor actor = Actor.require();
        boolean staff = Matter.isStaff(actor);
        model.addAttribute("m", m);
        model.addAttribute("staff", staff);
        model.addAttribute("myOrg", actor.has(Role.HANDLER) ? actor.orgCode() : null);
        model.addAttribute("names", names(m));
        model.addAttribute("seriesName", seriesName(m.series()));
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("invitations", service.sentCosignInvitations(m));
        model.addAttribute("location", appeals.location(new MatterId(id)).orElse(null));
        if (staff) {
            model.addAttribute("orgGroups", orgGroups());
            Forms.addIfAbsent(model, "assignForm", AssignForm::new);
            Forms.addIfAbsent(model, "rejectForm", ReasonForm::new);
            Forms.addIfAbsent(model, "mergeForm", MergeForm::new);
            Forms.addIfAbsent(model, "superviseForm", () -> SuperviseForm.of(m));
        }
        Forms.addIfAbsent(model, "ratingForm", RatingForm::new);
        model.addAttribute("currentPath", "/matters/" + id);
        return "matters/detail";
    }

    // --- handling departments

    @GetMapping("/matters/inbox")
    @PreAuthorize("hasRole('HANDLER')")
    String inbox(@RequestParam(required = false) String due, @RequestParam(defaultValue = "0") int page,
            Model model) {
        String filter = "overdue".equals(due) || "soon".equals(due) ? due : null;
        Page<Views.CaseLine> cases = queries.inbox(null, filter, Math.max(0, page), PAGE_SIZE).value();
        model.addAttribute("cases", cases.items());
        model.addAttribute("pager", pager(cases, page));
        model.addAttribute("due", filter);
        model.addAttribute("org", directory.findOrg(Actor.require().orgCode()).orElse(null));
        return "matters/inbox";
    }

    @GetMapping("/matters/cases/{id}")
    String casePage(@PathVariable long id, Model model) {
        CaseDetail detail = queries.caseDetail(new CaseId(id));
        MatterView m = detail.matter();
        CaseView c = detail.current();
        Actor actor = Actor.require();
        boolean staff = Matter.isStaff(actor);
        boolean mine = actor.has(Role.HANDLER) && c.orgCode().equals(actor.orgCode());
        model.addAttribute("m", m);
        model.addAttribute("staff", staff);
        model.addAttribute("myOrg", mine ? actor.orgCode() : null);
        model.addAttribute("c", c);
        model.addAttribute("names", names(m));
        model.addAttribute("contactMethods", ContactMethod.values());
        model.addAttribute("answerCategories", deadlines.answerCategories().stream().sorted().toList());
        if (staff) {
            model.addAttribute("orgGroups", orgGroups());
        }
        Forms.addIfAbsent(model, "returnForm", ReasonForm::new);
        Forms.addIfAbsent(model, "extensionForm", ExtensionForm::new);
        Forms.addIfAbsent(model, "contactForm", ContactForm::new);
        Forms.addIfAbsent(model, "opinionForm", TextForm::new);
        Forms.addIfAbsent(model, "answerForm", AnswerForm::new);
        Forms.addIfAbsent(model, "followUpForm", FollowUpForm::new);
        Forms.addIfAbsent(model, "remindForm", TextForm::new);
        Forms.addIfAbsent(model, "decisionForm", DecisionForm::new);
        Forms.addIfAbsent(model, "reassignForm", ReassignForm::new);
        model.addAttribute("currentPath", "/matters/cases/" + id);
        return "matters/case";
    }

    /** 交办单 — the assignment sheet of one case, laid out to be printed on A4 and signed. */
    @GetMapping("/matters/cases/{id}/sheet")
    String sheet(@PathVariable long id, Model model) {
        CaseDetail detail = queries.caseDetail(new CaseId(id));
        model.addAttribute("m", detail.matter());
        model.addAttribute("c", detail.current());
        model.addAttribute("names", names(detail.matter()));
        model.addAttribute("seriesName", seriesName(detail.matter().series()));
        return "matters/sheet";
    }

    @PostMapping("/matters/cases/{id}/sign")
    @FormPage("/matters/cases/{id}")
    String sign(@PathVariable long id, RedirectAttributes redirect) {
        service.sign(new CaseId(id));
        return done(redirect, "matters.done.signed", caseUrl(id));
    }

    @PostMapping("/matters/cases/{id}/return")
    @FormPage("/matters/cases/{id}")
    String giveBack(@PathVariable long id, @ModelAttribute("returnForm") ReasonForm form, RedirectAttributes redirect) {
        service.giveBack(new CaseId(id), form.command());
        return done(redirect, "matters.done.returned", caseUrl(id));
    }

    @PostMapping("/matters/cases/{id}/extension")
    @FormPage("/matters/cases/{id}")
    String requestExtension(@PathVariable long id, @ModelAttribute("extensionForm") ExtensionForm form, RedirectAttributes redirect) {
        service.requestExtension(new CaseId(id), form.command());
        return done(redirect, "matters.done.extensionRequested", caseUrl(id));
    }

    @PostMapping("/matters/cases/{id}/extension/decision")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @FormPage("/matters/cases/{id}")
    String decideExtension(@PathVariable long id, @ModelAttribute("decisionForm") DecisionForm form,
            RedirectAttributes redirect) {
        service.decideExtension(new CaseId(id), form.command());
        return done(redirect, Boolean.TRUE.equals(form.getGrant()) ? "matters.done.extensionGranted"
                : "matters.done.extensionRefused", caseUrl(id));
    }

    @PostMapping("/matters/cases/{id}/contacts")
    @FormPage("/matters/cases/{id}")
    String contact(@PathVariable long id, @ModelAttribute("contactForm") ContactForm form, RedirectAttributes redirect) {
        service.contact(new CaseId(id), form.command());
        return done(redirect, "matters.done.contacted", caseUrl(id));
    }

    @PostMapping("/matters/cases/{id}/opinion")
    @FormPage("/matters/cases/{id}")
    String opinion(@PathVariable long id, @ModelAttribute("opinionForm") TextForm form, RedirectAttributes redirect) {
        service.sendOpinion(new CaseId(id), form.command());
        return done(redirect, "matters.done.opinionSent", caseUrl(id));
    }

    @PostMapping("/matters/cases/{id}/answer")
    @FormPage("/matters/cases/{id}")
    String answer(@PathVariable long id, @ModelAttribute("answerForm") AnswerForm form, RedirectAttributes redirect) {
        service.answer(new CaseId(id), form.command());
        return done(redirect, "matters.done.answered", caseUrl(id));
    }

    @PostMapping("/matters/cases/{id}/follow-up")
    @FormPage("/matters/cases/{id}")
    String followUp(@PathVariable long id, @ModelAttribute("followUpForm") FollowUpForm form, RedirectAttributes redirect) {
        service.followUp(new CaseId(id), form.command());
        return done(redirect, "matters.done.followedUp", caseUrl(id));
    }

    /** 催办 from the case's page. */
    @PostMapping("/matters/cases/{id}/reminders")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @FormPage("/matters/cases/{id}")
    String remind(@PathVariable long id, @ModelAttribute("remindForm") TextForm form, RedirectAttributes redirect) {
        service.remind(new CaseId(id), form.command());
        return done(redirect, "matters.done.reminded", caseUrl(id));
    }

    /** 催办 straight from the supervision board, which the supervisor goes on working from. */
    @PostMapping("/matters/board/cases/{id}/reminders")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @FormPage("/matters/board")
    String remindFromBoard(@PathVariable long id, RedirectAttributes redirect) {
        service.remind(new CaseId(id), new Matters.Text(null));
        return done(redirect, "matters.done.reminded", "/matters/board");
    }

    @PostMapping("/matters/cases/{id}/reassign")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @FormPage("/matters/cases/{id}")
    String reassign(@PathVariable long id, @ModelAttribute("reassignForm") ReassignForm form, RedirectAttributes redirect) {
        service.reassign(new CaseId(id), form.command());
        return done(redirect, "matters.done.reassigned", caseUrl(id));
    }

    // --- the public

    @GetMapping("/public/answers")
    String published(@RequestParam(required = false) String series, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Page<Views.PublishedAnswer> answers = queries.published(series, q, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("answers", answers.items());
        model.addAttribute("pager", pager(answers, page));
        model.addAttribute("seriesNames", seriesNames(queries.seriesWithMatters()));
        model.addAttribute("series", series);
        model.addAttribute("q", q);
        return htmx != null ? "public/answers :: results" : "public/answers";
    }

    /** One matter's published answers, where the search and the list link to. */
    @GetMapping("/public/answers/{id}")
    String publishedAnswer(@PathVariable long id, Model model) {
        List<Views.PublishedAnswer> answers = queries.publishedAnswers(new MatterId(id));
        if (answers.isEmpty()) {
            throw Problems.notFound("answer", id);
        }
        model.addAttribute("answers", answers);
        model.addAttribute("matterId", id);
        model.addAttribute("seriesNames", seriesNames(queries.seriesWithMatters()));
        return "public/answer";
    }

    // --- helpers

    /** After a command: the page to go on from, with a word that it was done. */
    private static String done(RedirectAttributes redirect, String notice, String target) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + target;
    }

    private static String caseUrl(long id) {
        return "/matters/cases/" + id;
    }

    private static Pager pager(Page<?> page, int requested) {
        return Pager.of(page.total(), page.items().size(), requested, PAGE_SIZE);
    }

    /**
     * Display names of the raiser, co-signers and everyone in the history, for those who may see the
     * matter; a username no account has (a system task) stands for itself.
     */
    private Map<String, String> names(MatterView m) {
        Set<String> usernames = new LinkedHashSet<>();
        usernames.add(m.raiser());
        usernames.addAll(m.cosigners());
        m.events().forEach(e -> usernames.add(e.actor()));
        return displayNames(usernames);
    }

    /** The display names of the raisers of a staff list's matters. */
    private Map<String, String> raiserNames(List<Views.MatterSummary> matters) {
        Set<String> raisers = new LinkedHashSet<>();
        matters.forEach(m -> raisers.add(m.raiser()));
        return displayNames(raisers);
    }

    private Map<String, String> displayNames(Set<String> usernames) {
        Map<String, String> known = accountNames.displayNames(usernames);
        Map<String, String> names = new LinkedHashMap<>();
        usernames.forEach(u -> names.put(u, known.getOrDefault(u, u)));
        return names;
    }

    /** The organisations to assign to, grouped by kind, government departments first. */
    private Map<OrgKind, List<OrgSummary>> orgGroups() {
        Map<OrgKind, List<OrgSummary>> groups = new LinkedHashMap<>();
        for (OrgKind kind : OrgKind.values()) {
            List<OrgSummary> orgs = directory.orgs(null, kind, ORG_LIMIT);
            if (!orgs.isEmpty()) {
                groups.put(kind, orgs);
            }
        }
        return groups;
    }

    private Map<String, String> orgNames() {
        Map<String, String> names = new LinkedHashMap<>();
        directory.orgs(null, null, ORG_LIMIT).forEach(o -> names.put(o.code(), o.localName()));
        return names;
    }

    private Map<String, String> seriesNames(List<String> slugs) {
        Map<String, String> names = new LinkedHashMap<>();
        slugs.forEach(slug -> names.put(slug, seriesName(slug)));
        return names;
    }

    /** The series' name from the meetings module, or its slug while that module is not there. */
    private String seriesName(String slug) {
        Meetings m = slug == null ? null : meetings.getIfAvailable();
        return m == null ? slug : m.series(slug).map(SeriesRef::name).orElse(slug);
    }
}
