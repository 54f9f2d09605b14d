package org.civicdesk.notices.internal;

import org.civicdesk.notices.NoticeCommand;
import org.civicdesk.notices.Notices;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The notices module's commands for other modules, under the rule its API applies: an ADMIN gives them. */
@Service
@PreAuthorize("hasRole('ADMIN')")
class NoticesFacade implements Notices {

    private final NoticeService notices;

    NoticesFacade(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public void create(NoticeCommand notice) {
        notices.create(notice);
    }
}
