package org.civicdesk.platform.internal;

import java.util.Map;

import org.civicdesk.shared.PrivacyNotice;
import org.civicdesk.shared.web.PageModel;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/** What every page's layout needs: where it is, and the version of the personal-information notice. */
@Component
class LayoutModel implements PageModel {

    @Override
    public void addTo(HttpServletRequest request, Map<String, Object> model) {
        model.put("currentPath", request.getRequestURI());
        // The version the forms show (fragments/privacy.html).
        model.put("privacyNoticeVersion", PrivacyNotice.VERSION);
    }
}
