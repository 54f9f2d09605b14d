package org.civicdesk.projects.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civicdesk.projects.ProjectEvent;
import org.civicdesk.projects.internal.Views.ApprovalView;
import org.civicdesk.projects.internal.Views.ProjectView;
import org.civicdesk.shared.PublicContent;
import org.civicdesk.shared.PublicDocument;
import org.springframework.stereotype.Component;

/** Special-bond projects with what their public page shows: owner, district, batch and approvals. Keyed by code. */
@Component
class ProjectContent implements PublicContent {

    private final ProjectService projects;

    ProjectContent(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public String kind() {
        return ProjectEvent.CONTENT_KIND;
    }

    @Override
    public Optional<PublicDocument> document(String key) {
        return projects.find(key).map(ProjectContent::document);
    }

    @Override
    public List<PublicDocument> documents() {
        return projects.projects(null).stream().map(ProjectContent::document).toList();
    }

    private static PublicDocument document(ProjectView p) {
        String text = Stream.concat(Stream.of("专项债项目", p.code(), p.batch(), p.ownerOrgName(), p.district()),
                p.approvals().stream().map(ApprovalView::name)).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        return new PublicDocument(ProjectEvent.CONTENT_KIND, p.code(), p.name(), text, "/public/projects/" + p.code());
    }
}
