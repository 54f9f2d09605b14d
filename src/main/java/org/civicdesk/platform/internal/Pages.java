package org.civicdesk.platform.internal;

import org.civicdesk.shared.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public front page and the sign-in page. */
@Controller
class Pages {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/login")
    String login(Model model) {
        Forms.addIfAbsent(model, "phoneForm", ResidentPages.PhoneForm::new);
        return "login";
    }
}
