package org.civicdesk.platform.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the front page is the portal's. */
@Controller
class Pages {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
