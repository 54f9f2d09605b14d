package org.civicdesk.platform.internal;

import org.civicdesk.shared.PrivacyNotice;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/** What every page's layout needs. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The version of the personal-information notice the forms show ({@code fragments/privacy.html}). */
    @ModelAttribute("privacyNoticeVersion")
    String privacyNoticeVersion() {
        return PrivacyNotice.VERSION;
    }
}
