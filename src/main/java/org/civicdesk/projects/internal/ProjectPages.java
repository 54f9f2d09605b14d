package org.civicdesk.projects.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicdesk.projects.MeetingLinkCommand;
import org.civicdesk.projects.StageCommand;
import org.civicdesk.projects.internal.FilterForms.DealFilterForm;
import org.civicdesk.projects.internal.FilterForms.ProjectFilterForm;
import org.civicdesk.projects.internal.Views.ApprovalView;
import org.civicdesk.projects.internal.Views.BatchView;
import org.civicdesk.projects.internal.Views.DealEventView;
import org.civicdesk.projects.internal.Views.DealView;
import org.civicdesk.projects.internal.Views.DepartmentProgress;
import org.civicdesk.projects.internal.Views.ProjectView;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.Workbooks;
import org.civicdesk.shared.web.Formats;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.civicdesk.shared.web.ListFilter;
import org.civicdesk.shared.web.Pager;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages of the special-bond reserve and the deals: a batch's public summary with its pipeline
 * board by stage, a project with its approval checklist (ticked there by those who may, each
 * approval's file shown to the staff who work on projects), the
 * per-department progress report for dispatch meetings (printable, and as a workbook), and the public
 * deals page with its figures and each fair's page. Every form goes through the same services as the API.
 */
@Controller
class ProjectPages {

    private static final int PAGE_SIZE = 50;

    private final ProjectService projects;
    private final DealService deals;
    private final BlockerService blockers;
    private final ProjectMeetings meetings;
    private final MessageSource messages;
    private final Clock clock;
    private final ApprovalFiles files;
    private final DealEvents events;
    private final CitySettings city;

    ProjectPages(ProjectService projects, DealService deals, BlockerService blockers, ProjectMeetings meetings,
            MessageSource messages, Clock clock, ApprovalFiles files, DealEvents events, CitySettings city) {
        this.projects = projects;
        this.deals = deals;
        this.blockers = blockers;
        this.meetings = meetings;
        this.messages = messages;
        this.clock = clock;
        this.files = files;
        this.events = events;
        this.city = city;
    }

    @GetMapping("/public/projects")
    String board(@ModelAttribute("filter") ProjectFilterForm filter, BindingResult errors,
            @RequestParam(defaultValue = "0") int page, HttpServletResponse response, Model model) {
        List<BatchView> batches = projects.batches();
        String batch = filter.getBatch() == null || filter.getBatch().isBlank() ? null : filter.getBatch().trim();
        BatchView chosen = batches.stream().filter(b -> b.code().equals(batch)).findFirst().orElse(null);
        model.addAttribute("batches", batches);
        model.addAttribute("batch", chosen);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("batchOptions", batches.stream().collect(Collectors.toMap(BatchView::code, BatchView::name,
                (a, b) -> a, LinkedHashMap::new)));
        Checks checks = new Checks();
        checks.check(batch == null || chosen != null, "batch", "projects.validation.unknownBatch", batch);
        ProjectService.ProjectFilter query = new ProjectService.ProjectFilter(batch,
                checks.oneOf("stage", filter.getStage(), Stage.class), filter.like());
        if (ListFilter.refused(checks, errors, response)) {
            return "projects/board";
        }
        List<ProjectView> list = projects.projects(query, Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
        ProjectService.BoardFigures figures = projects.figures(query);
        Map<Stage, List<ProjectView>> byStage = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            byStage.put(s, list.stream().filter(p -> p.stage() == s).toList());
        }
        model.addAttribute("byStage", byStage);
        model.addAttribute("figures", figures);
        model.addAttribute("requested", Amounts.format(figures.requested()));
        model.addAttribute("pager", Pager.of(figures.projects(), list.size(), page, PAGE_SIZE));
        return "projects/board";
    }

    @GetMapping("/public/projects/{code}")
    String project(@PathVariable String code, Model model) {
        ProjectView project = projects.project(code);
        model.addAttribute("project", project);
        model.addAttribute("batch", projects.batch(project.batch()));
        model.addAttribute("mayTick", Actor.current().map(a -> ProjectService.mayTick(a, project)).orElse(false));
        model.addAttribute("mayManage", Actor.current().map(ProjectService::mayManage).orElse(false));
        model.addAttribute("nextStages", Arrays.stream(Stage.values()).filter(s -> s.compareTo(project.stage()) > 0)
                .toList());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        project.approvals().forEach(a -> Forms.addIfAbsent(model, Forms.rowName("approvalForm", a.code()),
                () -> new ApprovalForm("OBTAINED", null, today.toString(), null)));
        model.addAttribute("blockers", Actor.current().isPresent() ? blockers.blockers(code) : List.of());
        model.addAttribute("meetings", meetings.meetingsFor(code, Actor.current()));
        Forms.addIfAbsent(model, "blockerForm", BlockerForm::new);
        boolean readsFiles = Actor.current().map(ApprovalFiles::mayRead).orElse(false);
        model.addAttribute("readsFiles", readsFiles);
        model.addAttribute("approvalFiles", readsFiles ? project.approvals().stream().collect(Collectors.toMap(
                ApprovalView::code, a -> files.files(code, a.code()))) : Map.of());
        return "projects/project";
    }

    @PostMapping("/projects/{code}/approvals/{approval}/attachments")
    @PreAuthorize("isAuthenticated()")
    @FormPage("/public/projects/{code}")
    String attach(@PathVariable String code, @PathVariable String approval,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        files.attach(code, approval, file);
        redirect.addFlashAttribute("fileSaved", approval);
        return "redirect:/public/projects/" + code;
    }

    /** Never under /public: the file of an approval is for the staff who work on projects. */
    @GetMapping("/projects/{code}/approvals/{approval}/attachments/{id}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> approvalFile(@PathVariable String code, @PathVariable String approval,
            @PathVariable long id) {
        return files.file(code, approval, id);
    }

    @PostMapping("/projects/{code}/meetings")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @FormPage("/public/projects/{code}")
    String linkMeeting(@PathVariable String code, @RequestParam(required = false) Long meeting,
            RedirectAttributes redirect) {
        meetings.link(code, new MeetingLinkCommand(meeting));
        redirect.addFlashAttribute("meetingsSaved", true);
        return "redirect:/public/projects/" + code;
    }

    @PostMapping("/projects/{code}/meetings/{meeting}/unlink")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @FormPage("/public/projects/{code}")
    String unlinkMeeting(@PathVariable String code, @PathVariable long meeting, RedirectAttributes redirect) {
        meetings.unlink(code, meeting);
        redirect.addFlashAttribute("meetingsSaved", true);
        return "redirect:/public/projects/" + code;
    }

    @PostMapping("/projects/{code}/approvals/{approval}")
    @PreAuthorize("isAuthenticated()")
    @FormPage(value = "/public/projects/{code}", row = "approval")
    String tick(@PathVariable String code, @PathVariable String approval,
            @ModelAttribute("approvalForm") ApprovalForm form, RedirectAttributes redirect) {
        projects.recordApproval(code, approval, form.command());
        redirect.addFlashAttribute("saved", approval);
        return "redirect:/public/projects/" + code;
    }

    @PostMapping("/projects/{code}/stage")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @FormPage("/public/projects/{code}")
    String stage(@PathVariable String code, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String amountGranted, RedirectAttributes redirect) {
        ProjectView after = projects.moveStage(code, new StageCommand(stage, amountGranted));
        redirect.addFlashAttribute("movedTo", after.stage());
        return "redirect:/public/projects/" + code;
    }

    @PostMapping("/projects/{code}/blockers")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @FormPage("/public/projects/{code}")
    String raise(@PathVariable String code, @ModelAttribute("blockerForm") BlockerForm form,
            RedirectAttributes redirect) {
        blockers.raise(code, form.command());
        redirect.addFlashAttribute("blockerSaved", true);
        return "redirect:/public/projects/" + code;
    }

    @PostMapping("/projects/{code}/blockers/{id}/clear")
    @PreAuthorize("isAuthenticated()")
    @FormPage("/public/projects/{code}")
    String clear(@PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
        blockers.clear(code, id);
        redirect.addFlashAttribute("blockerSaved", true);
        return "redirect:/public/projects/" + code;
    }

    @GetMapping("/projects/report")
    @PreAuthorize("isAuthenticated()")
    String report(@RequestParam(required = false) String batch, Model model) {
        BatchView chosen = chosenBatch(batch);
        model.addAttribute("batches", projects.batches());
        model.addAttribute("batch", chosen);
        model.addAttribute("lines", chosen == null ? List.of() : projects.progress(chosen.code()));
        model.addAttribute("projects", chosen == null ? List.of() : projects.projects(chosen.code()));
        model.addAttribute("stages", Stage.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("overdue", blockers.overdue());
        return "projects/report";
    }

    /**
     * The report as a workbook in its reader's language: each sheet opens with the report's title and
     * the batch and day its figures stand on, as the handling report's does.
     */
    @GetMapping("/projects/report.xlsx")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> reportWorkbook(@RequestParam String batch) {
        BatchView chosen = projects.batch(batch);
        String title = msg("projects.report.heading");
        String scope = msg("projects.report.scope", chosen.name(),
                new Formats(LocaleContextHolder.getLocale(), city.timeZone()).date(LocalDate.now(clock)));
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet byDepartment = workbook.createSheet(msg("projects.report.sheet.departments"));
            int head = Workbooks.title(byDepartment, title, scope);
            String[] headers = new String[4 + Stage.values().length];
            headers[0] = msg("projects.report.department");
            headers[1] = msg("projects.report.projects");
            headers[2] = msg("projects.report.approvals");
            headers[3] = msg("projects.amountRequested");
            for (Stage s : Stage.values()) {
                headers[4 + s.ordinal()] = msg("projects.stage." + s);
            }
            Workbooks.header(byDepartment, head, headers);
            int r = head + 1;
            for (DepartmentProgress line : projects.progress(chosen.code())) {
                Row row = byDepartment.createRow(r++);
                row.createCell(0).setCellValue(line.ownerOrgName());
                row.createCell(1).setCellValue(line.projects());
                row.createCell(2).setCellValue(line.approvalsObtained() + " / " + line.approvalsRequired());
                row.createCell(3).setCellValue(line.amountRequested());
                for (Stage s : Stage.values()) {
                    row.createCell(4 + s.ordinal()).setCellValue(line.byStage().get(s));
                }
            }
            Sheet byProject = workbook.createSheet(msg("projects.report.sheet.projects"));
            head = Workbooks.title(byProject, title, scope);
            Workbooks.header(byProject, head, msg("projects.code"), msg("projects.name"), msg("projects.owner"),
                    msg("projects.district"), msg("projects.amountRequested"), msg("projects.stage"),
                    msg("projects.report.missing"));
            r = head + 1;
            for (ProjectView p : projects.projects(chosen.code())) {
                Row row = byProject.createRow(r++);
                row.createCell(0).setCellValue(p.code());
                row.createCell(1).setCellValue(p.name());
                row.createCell(2).setCellValue(p.ownerOrgName());
                row.createCell(3).setCellValue(p.district() == null ? "" : p.district());
                row.createCell(4).setCellValue(p.amountRequested());
                row.createCell(5).setCellValue(msg("projects.stage." + p.stage()));
                row.createCell(6).setCellValue(String.join("、", p.approvals().stream().filter(a -> !a.obtained())
                        .map(ApprovalView::name).toList()));
            }
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("projects-" + chosen.code() + ".xlsx").build().toString())
                    .contentType(MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(Workbooks.bytes(workbook));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/public/deals")
    String deals(@ModelAttribute("filter") DealFilterForm filter, BindingResult errors,
            @RequestParam(defaultValue = "0") int page, HttpServletResponse response, Model model) {
        String chosen = filter.getEvent() == null || filter.getEvent().isBlank() ? null : filter.getEvent().trim();
        Forms.addIfAbsent(model, "dealForm", () -> {
            DealEntryForm form = new DealEntryForm();
            form.setEvent(chosen);
            form.setSignedOn(LocalDate.now(clock).toString());
            return form;
        });
        List<String> events = deals.events();
        model.addAttribute("event", chosen);
        model.addAttribute("events", events);
        model.addAttribute("eventOptions", events.stream().collect(Collectors.toMap(e -> e, e -> e, (a, b) -> a,
                LinkedHashMap::new)));
        model.addAttribute("forms", DealForm.values());
        model.addAttribute("mayRecord", Actor.current().map(ProjectService::mayManage).orElse(false));
        model.addAttribute("eventRecords", this.events.all());
        Checks checks = new Checks();
        checks.check(chosen == null || events.contains(chosen), "event", "projects.validation.unknownEvent");
        DealService.DealFilter query = new DealService.DealFilter(chosen,
                checks.oneOf("form", filter.getForm(), DealForm.class), filter.like(), filter.from(checks),
                filter.to(checks));
        if (ListFilter.refused(checks, errors, response)) {
            return "projects/deals";
        }
        model.addAttribute("stats", deals.stats(chosen));
        model.addAttribute("byKind", deals.byPartyKind(chosen));
        model.addAttribute("byEvent", deals.byEvent());
        List<DealView> lines = deals.deals(query, Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
        model.addAttribute("deals", lines);
        model.addAttribute("pager", Pager.of(deals.count(query), lines.size(), page, PAGE_SIZE));
        return "projects/deals";
    }

    /** A fair with what its organiser announced beside what the register holds, and its deals. */
    @GetMapping("/public/deals/events/{id}")
    String dealEvent(@PathVariable long id, Model model) {
        DealEventView event = events.event(id);
        model.addAttribute("dealEvent", event);
        model.addAttribute("deals", deals.deals(event.name()));
        return "projects/deal-event";
    }

    @PostMapping("/deals")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @FormPage("/public/deals")
    String recordDeal(@ModelAttribute("dealForm") DealEntryForm form, RedirectAttributes redirect) {
        DealView deal = deals.record(form.command());
        redirect.addFlashAttribute("saved", deal.title());
        if (deal.event() != null) {
            redirect.addAttribute("event", deal.event());
        }
        return "redirect:/public/deals";
    }

    private BatchView chosenBatch(String batch) {
        if (batch != null && !batch.isBlank()) {
            return projects.batch(batch.trim());
        }
        List<BatchView> all = projects.batches();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
