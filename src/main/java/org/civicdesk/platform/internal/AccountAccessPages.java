package org.civicdesk.platform.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The unlock button on an account's page in the directory. */
@Controller
class AccountAccessPages {

    private final AccountAccess access;

    AccountAccessPages(AccountAccess access) {
        this.access = access;
    }

    @PostMapping("/directory/accounts/{username}/unlock")
    @PreAuthorize("hasRole('ADMIN')")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        access.unlock(username);
        redirect.addFlashAttribute("unlocked", true);
        redirect.addAttribute("username", username);
        return "redirect:/directory/accounts/{username}/edit";
    }
}
