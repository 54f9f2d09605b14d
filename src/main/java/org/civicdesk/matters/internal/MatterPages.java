package org.civicdesk.matters.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.civicdesk.directory.AccountSummary;
import org.civicdesk.directory.Directory;
import org.civicdesk.directory.OrgKind;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.matters.CaseId;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
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
import org.civicdesk.meetings.SeriesRef;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.web.FormErrors;
import org.civicdesk.shared.Role;
import org.civicdesk.shared.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The matters pages for raisers, handling departments, supervisors and the public. Every action goes
 * through {@link MatterService} and every read through {@link MatterQueries}, so a page refuses
 * exactly what the API refuses: bad fields come back next to the fields, an action that no longer
 * fits the state comes back as a message on the page, anything not allowed as the error page.
 */
@Controller
class MatterPages {

    private static final int PAGE_SIZE = 50;
    private static final int ORG_LIMIT = 1000;

    private final MatterCommands service;
    private final MatterQueries queries;
    private final Directory directory;
    private final ObjectProvider<Meetings> meetings;
    private final ProblemResponses problems;
    private final Deadlines deadlines;

    MatterPages(MatterCommands service, MatterQueries queries, Directory directory, ObjectProvider<Meetings> meetings,
            ProblemResponses problems, Deadlines deadlines) {
        this.service = service;
        this.queries = queries;
        this.directory = directory;
        this.meetings = meetings;
        this.problems = problems;
        this.deadlines = deadlines;
    }

    /** One page of a long list, with the addresses of its neighbours. */
    record Pager(long total, int from, int to, String previous, String next) {
    }

    /** A line of the public figures: everything, or one series. */
    record StatsLine(String slug, String name, Views.Stats stats) {
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
        return "matters/mine";
    }

    @GetMapping("/matters/new")
    @PreAuthorize("hasAnyRole('RAISER','SUPERVISOR','ADMIN')")
    String newMatter(@RequestParam(required = false) Long meetingId, Model model) {
        RaiseForm form = new RaiseForm();
        form.setMeetingId(meetingId);
        if (meetingId != null) {
            form.setType(MatterType.PROBLEM.name());
        }
        model.addAttribute("form", form);
        return raiseForm(model);
    }

    @PostMapping("/matters")
    @PreAuthorize("hasAnyRole('RAISER','SUPERVISOR','ADMIN')")
    String raise(@ModelAttribute("form") RaiseForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                MatterId id = service.raise(form.command());
                redirect.addFlashAttribute("notice", "matters.done.raised");
                return "redirect:/matters/" + id;
            } catch (ProblemException e) {
                FormErrors.reject(errors, e);
            }
        }
        return raiseForm(model);
    }

    private String raiseForm(Model model) {
        RaiseForm form = (RaiseForm) model.getAttribute("form");
        if (form != null && form.getMeetingId() != null) {
            model.addAttribute("meeting", meetings.getObject().meeting(form.getMeetingId()).orElse(null));
        }
        model.addAttribute("channels", Channel.values());
        model.addAttribute("currentPath", "/matters/new");
        return "matters/form";
    }

    @GetMapping("/matters/{id}")
    String matter(@PathVariable long id, Model model) {
        return matterPage(id, model);
    }

    @PostMapping("/matters/{id}/evaluation")
    String evaluate(@PathVariable long id, @ModelAttribute("ratingForm") RatingForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        return onMatter(id, errors, () -> service.rate(new MatterId(id), form.command()), "matters.done.rated", model, redirect);
    }

    // --- supervisors: intake, assignment and supervision of a matter

    @GetMapping("/matters")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String matters(@RequestParam(required = false) String series, @RequestParam(required = false) Long meeting,
            @RequestParam(required = false) MatterStatus status,
            @RequestParam(required = false) MatterType type, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Page<Views.MatterSummary> matters = queries.matters(series, meeting, status, type, q, false,
                Math.max(0, page), PAGE_SIZE);
        model.addAttribute("matters", matters.items());
        model.addAttribute("pager", pager(matters, page));
        model.addAttribute("seriesNames", seriesNames(queries.seriesWithMatters()));
        model.addAttribute("series", series);
        model.addAttribute("status", status);
        model.addAttribute("type", type);
        model.addAttribute("q", q);
        return htmx != null ? "matters/list :: results" : "matters/list";
    }

    @PostMapping("/matters/{id}/assignments")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String assign(@PathVariable long id, @ModelAttribute("assignForm") AssignForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        return onMatter(id, errors, () -> service.assign(new MatterId(id), form.command()), "matters.done.assigned", model, redirect);
    }

    @PostMapping("/matters/{id}/acceptance")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String accept(@PathVariable long id, RedirectAttributes redirect) {
        return act(() -> service.accept(new MatterId(id)), "matters.done.accepted", "/matters/" + id, redirect);
    }

    @PostMapping("/matters/{id}/rejection")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String rejectMatter(@PathVariable long id, @ModelAttribute("rejectForm") ReasonForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        return onMatter(id, errors, () -> service.reject(new MatterId(id), form.command()), "matters.done.rejected", model, redirect);
    }

    @PostMapping("/matters/{id}/merge")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String merge(@PathVariable long id, @ModelAttribute("mergeForm") MergeForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        return onMatter(id, errors, () -> service.merge(new MatterId(id), form.command()), "matters.done.merged", model, redirect);
    }

    @PostMapping("/matters/{id}/supervision")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String supervise(@PathVariable long id, @ModelAttribute("superviseForm") SuperviseForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        return onMatter(id, errors, () -> service.supervise(new MatterId(id), form.command()), "matters.done.supervised", model, redirect);
    }

    @PostMapping("/matters/{id}/close")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        return act(() -> service.closeUnrated(new MatterId(id)), "matters.done.closed", "/matters/" + id, redirect);
    }

    @GetMapping("/matters/board")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String board(Model model) {
        model.addAttribute("board", queries.board(PAGE_SIZE).value());
        model.addAttribute("orgNames", orgNames());
        model.addAttribute("seriesNames", seriesNames(queries.seriesWithMatters()));
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
        if (staff) {
            model.addAttribute("orgGroups", orgGroups());
            addIfMissing(model, "assignForm", AssignForm::new);
            addIfMissing(model, "rejectForm", ReasonForm::new);
            addIfMissing(model, "mergeForm", MergeForm::new);
            addIfMissing(model, "superviseForm", () -> SuperviseForm.of(m));
        }
        addIfMissing(model, "ratingForm", RatingForm::new);
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
        if (staff) {
            model.addAttribute("orgGroups", orgGroups());
        }
        addIfMissing(model, "returnForm", ReasonForm::new);
        addIfMissing(model, "extensionForm", ExtensionForm::new);
        addIfMissing(model, "contactForm", ContactForm::new);
        addIfMissing(model, "opinionForm", TextForm::new);
        addIfMissing(model, "answerForm", AnswerForm::new);
        addIfMissing(model, "followUpForm", FollowUpForm::new);
        addIfMissing(model, "remindForm", TextForm::new);
        addIfMissing(model, "decisionForm", DecisionForm::new);
        addIfMissing(model, "reassignForm", ReassignForm::new);
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
    String sign(@PathVariable long id, RedirectAttributes redirect) {
        return act(() -> service.sign(new CaseId(id)), "matters.done.signed", caseUrl(id), redirect);
    }

    @PostMapping("/matters/cases/{id}/return")
    String giveBack(@PathVariable long id, @ModelAttribute("returnForm") ReasonForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        return onCase(id, errors, () -> service.giveBack(new CaseId(id), form.command()), "matters.done.returned", model, redirect);
    }

    @PostMapping("/matters/cases/{id}/extension")
    String requestExtension(@PathVariable long id, @ModelAttribute("extensionForm") ExtensionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        return onCase(id, errors, () -> service.requestExtension(new CaseId(id), form.command()), "matters.done.extensionRequested", model, redirect);
    }

    @PostMapping("/matters/cases/{id}/extension/decision")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String decideExtension(@PathVariable long id, @ModelAttribute("decisionForm") DecisionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        return onCase(id, errors, () -> service.decideExtension(new CaseId(id), form.command()),
                Boolean.TRUE.equals(form.getGrant()) ? "matters.done.extensionGranted"
                        : "matters.done.extensionRefused",
                model, redirect);
    }

    @PostMapping("/matters/cases/{id}/contacts")
    String contact(@PathVariable long id, @ModelAttribute("contactForm") ContactForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        return onCase(id, errors, () -> service.contact(new CaseId(id), form.command()), "matters.done.contacted", model, redirect);
    }

    @PostMapping("/matters/cases/{id}/opinion")
    String opinion(@PathVariable long id, @ModelAttribute("opinionForm") TextForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        return onCase(id, errors, () -> service.sendOpinion(new CaseId(id), form.command()), "matters.done.opinionSent", model, redirect);
    }

    @PostMapping("/matters/cases/{id}/answer")
    String answer(@PathVariable long id, @ModelAttribute("answerForm") AnswerForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        return onCase(id, errors, () -> service.answer(new CaseId(id), form.command()), "matters.done.answered", model, redirect);
    }

    @PostMapping("/matters/cases/{id}/follow-up")
    String followUp(@PathVariable long id, @ModelAttribute("followUpForm") FollowUpForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        return onCase(id, errors, () -> service.followUp(new CaseId(id), form.command()), "matters.done.followedUp", model, redirect);
    }

    /** 催办, from the case's page or straight from the supervision board, which it then returns to. */
    @PostMapping("/matters/cases/{id}/reminders")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String remind(@PathVariable long id, @ModelAttribute("remindForm") TextForm form, BindingResult errors,
            @RequestParam(required = false) String back, Model model, RedirectAttributes redirect) {
        String target = "board".equals(back) ? "/matters/board" : caseUrl(id);
        return act(errors, () -> service.remind(new CaseId(id), form.command()), "matters.done.reminded", target, redirect,
                () -> casePage(id, model));
    }

    @PostMapping("/matters/cases/{id}/reassign")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String reassign(@PathVariable long id, @ModelAttribute("reassignForm") ReassignForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        return onCase(id, errors, () -> service.reassign(new CaseId(id), form.command()), "matters.done.reassigned", model, redirect);
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
        model.addAttribute("seriesNames", seriesNames(queries.seriesWithMatters()));
        return "public/answer";
    }

    @GetMapping("/public/stats")
    String stats(Model model) {
        List<StatsLine> lines = new ArrayList<>();
        lines.add(new StatsLine(null, null, queries.stats(null)));
        seriesNames(queries.seriesWithMatters())
                .forEach((slug, name) -> lines.add(new StatsLine(slug, name, queries.stats(slug))));
        model.addAttribute("lines", lines);
        return "public/stats";
    }

    // --- helpers

    /**
     * Runs an action of a form: bad fields show the page again with each error next to its field; a
     * refusal by state comes back as a message on the page; anything not allowed is the error page.
     */
    private String act(BindingResult errors, Runnable action, String done, String target,
            RedirectAttributes redirect, Supplier<String> page) {
        if (errors.hasErrors()) {
            return page.get();
        }
        try {
            action.run();
        } catch (ProblemException e) {
            if (e.violations().isEmpty()) {
                return refused(e, target, redirect);
            }
            FormErrors.reject(errors, e);
            return page.get();
        }
        redirect.addFlashAttribute("notice", done);
        return "redirect:" + target;
    }

    private String onMatter(long id, BindingResult errors, Runnable action, String done, Model model,
            RedirectAttributes redirect) {
        return act(errors, action, done, "/matters/" + id, redirect, () -> matterPage(id, model));
    }

    private String onCase(long id, BindingResult errors, Runnable action, String done, Model model,
            RedirectAttributes redirect) {
        return act(errors, action, done, caseUrl(id), redirect, () -> casePage(id, model));
    }

    /** Runs an action of a single button, which has no fields to be wrong. */
    private String act(Runnable action, String done, String target, RedirectAttributes redirect) {
        try {
            action.run();
        } catch (ProblemException e) {
            return refused(e, target, redirect);
        }
        redirect.addFlashAttribute("notice", done);
        return "redirect:" + target;
    }

    private String refused(ProblemException e, String target, RedirectAttributes redirect) {
        if (e.status() != HttpStatus.CONFLICT && e.status() != HttpStatus.BAD_REQUEST) {
            throw e;
        }
        redirect.addFlashAttribute("problem", problems.message(e.messageKey(), e.args()));
        return "redirect:" + target;
    }

    /** Puts each refused field next to its control; {@code co[1]} belongs to the list {@code co}. */

    private static void addIfMissing(Model model, String name, Supplier<Object> form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form.get());
        }
    }

    private static String caseUrl(long id) {
        return "/matters/cases/" + id;
    }

    private static Pager pager(Page<?> page, int requested) {
        int index = Math.max(0, requested);
        int from = page.items().isEmpty() ? 0 : index * PAGE_SIZE + 1;
        int to = index * PAGE_SIZE + page.items().size();
        var here = ServletUriComponentsBuilder.fromCurrentRequest();
        String previous = index > 0 ? here.replaceQueryParam("page", index - 1).build().toUriString() : null;
        String next = to < page.total() ? here.replaceQueryParam("page", index + 1).build().toUriString() : null;
        return new Pager(page.total(), from, to, relative(previous), relative(next));
    }

    /** Drops scheme and host, which behind a proxy may not be the ones the reader used. */
    private static String relative(String url) {
        if (url == null) {
            return null;
        }
        var uri = java.net.URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Display names of the raiser and co-signers, for those who may see the matter. */
    private Map<String, String> names(MatterView m) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(m.raiser(), displayName(m.raiser()));
        m.cosigners().forEach(c -> names.put(c, displayName(c)));
        return names;
    }

    private String displayName(String username) {
        return directory.findAccount(username).map(AccountSummary::displayName).orElse(username);
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
        directory.orgs(null, null, ORG_LIMIT).forEach(o -> names.put(o.code(), o.name()));
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
