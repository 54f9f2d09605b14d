package org.civicdesk.projects;

import org.civicdesk.shared.PublicContentChanged;

/**
 * What happens to a special-bond project, published in the transaction that makes it happen. Each
 * changes what the public reads of the project.
 */
public sealed interface ProjectEvent extends PublicContentChanged {

    /** The kind of public content a project is. */
    String CONTENT_KIND = "PROJECT";

    String projectCode();

    @Override
    default String contentKind() {
        return CONTENT_KIND;
    }

    @Override
    default String contentKey() {
        return projectCode();
    }

    record Recorded(String projectCode) implements ProjectEvent {
    }

    /** One of its required approvals was obtained or is missing again. */
    record ApprovalChanged(String projectCode, String approval, String status) implements ProjectEvent {
    }

    record StageChanged(String projectCode, String from, String to) implements ProjectEvent {
    }
}
