package org.civicdesk.platform.internal;

import org.civicdesk.shared.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the front page is the portal's. */
@Controller
class Pages {

    @GetMapping("/login")
    String login(Model model) {
        Forms.addIfAbsent(model, "phoneForm", ResidentPages.PhoneForm::new);
        return "login";
    }
}
