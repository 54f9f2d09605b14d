package org.civicdesk.projects.internal;

import java.util.List;
import java.util.Map;

import org.civicdesk.audit.AuditTrail;
import org.civicdesk.projects.internal.Views.ProjectView;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Attachments;
import org.civicdesk.shared.Attachments.Attachment;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The file of a project's required approval (批复文件): the scanned approval, permit or certificate.
 * Whoever may tick the approval attaches it; the staff who work on projects (administrators,
 * supervisors, the departments' handlers) read it. The public reserve shows that an approval was
 * obtained, with its number, but never the file.
 */
@Service
@Transactional(readOnly = true)
class ApprovalFiles {

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final Attachments attachments;
    private final AuditTrail audit;

    ApprovalFiles(JdbcClient jdbc, ProjectService projects, Attachments attachments, AuditTrail audit) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.attachments = attachments;
        this.audit = audit;
    }

    /** Whether the account sees the files of projects' approvals. */
    static boolean mayRead(Actor actor) {
        return ProjectService.mayManage(actor) || actor.has(Role.HANDLER);
    }

    @Transactional
    Attachment attach(String code, String approval, MultipartFile file) {
        ProjectView project = projects.project(code);
        if (!ProjectService.mayTick(Actor.require(), project)) {
            throw Problems.forbidden();
        }
        Attachment attachment = attachments.attach(owner(project, approval), file);
        audit.record("project.approvalFileAttached", "project", code, null, attachment);
        return attachment;
    }

    List<Attachment> files(String code, String approval) {
        return attachments.list(owner(readable(code), approval));
    }

    ResponseEntity<byte[]> file(String code, String approval, long id) {
        return attachments.download(owner(readable(code), approval), id);
    }

    private ProjectView readable(String code) {
        ProjectView project = projects.project(code);
        if (!mayRead(Actor.require())) {
            throw Problems.forbidden();
        }
        return project;
    }

    /** An approval the project's checklist does not have is a 404. */
    private Attachments.Owner owner(ProjectView project, String approval) {
        project.approvals().stream().filter(a -> a.code().equals(approval)).findFirst()
                .orElseThrow(() -> Problems.notFound("approval", approval));
        long id = jdbc.sql("SELECT id FROM project WHERE code = :code").param("code", project.code())
                .query(Long.class).single();
        return new Attachments.Owner("project_approval_attachment",
                Map.of("project_id", id, "approval_code", approval));
    }
}
