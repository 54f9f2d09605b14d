package org.civicdesk.open311.internal;

import java.io.Serializable;

import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The back-office page where an administrator issues and revokes Open311 keys. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class Open311KeysPage {

    private static final String PAGE = "/admin/open311";

    private final Open311Clients clients;

    Open311KeysPage(Open311Clients clients) {
        this.clients = clients;
    }

    /** The name of the client system a key is for; a refused form travels back to the page in the session. */
    public static class KeyForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    @GetMapping(PAGE)
    String page(Model model) {
        Forms.addIfAbsent(model, "form", KeyForm::new);
        model.addAttribute("clients", clients.clients());
        model.addAttribute("currentPath", PAGE);
        return "open311/keys";
    }

    @PostMapping(PAGE)
    @FormPage(PAGE)
    String issue(@ModelAttribute("form") KeyForm form, RedirectAttributes redirect) {
        redirect.addFlashAttribute("issued", clients.issue(form.getName()));
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/revoke")
    @FormPage(PAGE)
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        clients.revoke(id);
        redirect.addFlashAttribute("notice", "open311.keys.revoked");
        return "redirect:" + PAGE;
    }
}
