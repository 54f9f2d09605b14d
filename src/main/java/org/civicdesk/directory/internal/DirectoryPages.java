package org.civicdesk.directory.internal;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicdesk.directory.AccountCommand;
import org.civicdesk.directory.AccountSummary;
import org.civicdesk.directory.OrgCommand;
import org.civicdesk.directory.OrgKind;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.directory.PersonCommand;
import org.civicdesk.directory.PostCommand;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.civicdesk.shared.web.ListFilter;
import org.civicdesk.shared.web.Pager;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The directory's pages. Forms go through the same service checks as the API. */
@Controller
@RequestMapping("/directory")
class DirectoryPages {

    private static final int PAGE_SIZE = 50;
    private static final int PICKS = 20;
    private static final int ALL_ORGS = 5000;

    private final DirectoryService directory;
    private final WorkbookImport workbooks;

    DirectoryPages(DirectoryService directory, WorkbookImport workbooks) {
        this.directory = directory;
        this.workbooks = workbooks;
    }

    @ModelAttribute("orgKinds")
    OrgKind[] orgKinds() {
        return OrgKind.values();
    }

    @GetMapping("/orgs")
    String orgs(@RequestParam(required = false) String q, @RequestParam(required = false) OrgKind kind,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("orgs", directory.orgs(q, kind, 500));
        model.addAttribute("orgNames", directory.orgs(null, null, ALL_ORGS).stream()
                .collect(Collectors.toMap(OrgSummary::code, OrgSummary::localName, (a, b) -> a)));
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("total", directory.countOrgs());
        return htmx != null ? "directory/orgs :: results" : "directory/orgs";
    }

    /** An organisation with those under it (下属机构), for the tree of the directory. */
    record OrgNode(OrgSummary org, List<OrgNode> children) {
    }

    /** Every organisation under its parent: the city's structure at a glance. */
    @GetMapping("/orgs/tree")
    String orgTree(Model model) {
        List<OrgSummary> all = directory.orgs(null, null, ALL_ORGS);
        Set<String> codes = all.stream().map(OrgSummary::code).collect(Collectors.toSet());
        Map<String, List<OrgSummary>> byParent = all.stream().filter(o -> o.parentCode() != null)
                .collect(Collectors.groupingBy(OrgSummary::parentCode));
        model.addAttribute("roots", all.stream().filter(o -> o.parentCode() == null || !codes.contains(o.parentCode()))
                .map(o -> node(o, byParent)).toList());
        model.addAttribute("total", all.size());
        return "directory/org-tree";
    }

    private static OrgNode node(OrgSummary org, Map<String, List<OrgSummary>> byParent) {
        return new OrgNode(org, byParent.getOrDefault(org.code(), List.of()).stream()
                .sorted(Comparator.comparing(OrgSummary::localName)).map(o -> node(o, byParent)).toList());
    }

    @GetMapping("/orgs/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newOrg(Model model) {
        Forms.addIfAbsent(model, "form", OrgForm::new);
        model.addAttribute("editing", false);
        return "directory/org-form";
    }

    @PostMapping("/orgs")
    @PreAuthorize("hasRole('ADMIN')")
    @FormPage("/directory/orgs/new")
    String createOrg(@ModelAttribute("form") OrgForm form, RedirectAttributes redirect) {
        OrgSummary org = directory.createOrg(form.command());
        redirect.addFlashAttribute("saved", org.name());
        return "redirect:/directory/orgs";
    }

    @GetMapping("/orgs/{code}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String editOrg(@PathVariable String code, Model model) {
        Forms.addIfAbsent(model, "form", () -> OrgForm.of(directory.org(code)));
        model.addAttribute("editing", true);
        return "directory/org-form";
    }

    @PostMapping("/orgs/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    @FormPage("/directory/orgs/{code}/edit")
    String updateOrg(@PathVariable String code, @ModelAttribute("form") OrgForm form, RedirectAttributes redirect) {
        form.setCode(code);
        OrgSummary org = directory.updateOrg(code, form.command());
        redirect.addFlashAttribute("saved", org.name());
        return "redirect:/directory/orgs";
    }

    @GetMapping("/people")
    String people(@RequestParam(required = false) String q, @RequestParam(required = false) String org,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        List<PersonView> people = directory.people(q, org, Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
        model.addAttribute("people", people);
        model.addAttribute("pager", Pager.of(directory.peopleCount(q, org), people.size(), page, PAGE_SIZE));
        model.addAttribute("orgs", directory.orgs(null, null, 1000));
        model.addAttribute("q", q);
        model.addAttribute("org", org);
        return htmx != null ? "directory/people :: results" : "directory/people";
    }

    /** A choice a picker offers: what the field gets, and what the reader sees. */
    record Choice(String value, String label) {
    }

    /**
     * The choices for a field that holds an organisation's code, as its picker's reader types
     * ({@code templates/fragments/form.html}, pick='orgs'): the box sends its own value under its own
     * name, so whichever parameter came is what was typed.
     */
    @GetMapping("/pick/orgs")
    String pickOrg(@RequestParam Map<String, String> typed, Model model) {
        model.addAttribute("choices", directory.orgs(typed(typed), null, PICKS).stream()
                .map(o -> new Choice(o.code(), o.localName())).toList());
        return "directory/pick :: choices";
    }

    @GetMapping("/pick/people")
    String pickPerson(@RequestParam Map<String, String> typed, Model model) {
        model.addAttribute("choices", directory.people(typed(typed), null, 0, PICKS).stream()
                .map(p -> new Choice(Long.toString(p.id()), p.orgName() == null ? p.name() : p.name() + " · " + p.orgName()))
                .toList());
        return "directory/pick :: choices";
    }

    /** Accounts are offered to staff only: a resident has no business listing other people's accounts. */
    @GetMapping("/pick/accounts")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','HANDLER','CHARITY_OFFICER','PLACE_MANAGER')")
    String pickAccount(@RequestParam Map<String, String> typed, Model model) {
        model.addAttribute("choices", directory.accounts(typed(typed), PICKS).stream()
                .filter(AccountSummary::enabled).map(a -> new Choice(a.username(), a.displayName())).toList());
        return "directory/pick :: choices";
    }

    private static String typed(Map<String, String> parameters) {
        return parameters.getOrDefault("q", parameters.values().stream().findFirst().orElse("")).trim();
    }

    /** The filters of the accounts' list: those of every list, and a role. */
    static class AccountFilterForm extends ListFilter {
        private String role;

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    String accounts(@ModelAttribute("filter") AccountFilterForm filter, BindingResult errors,
            @RequestParam(defaultValue = "0") int page, HttpServletResponse response, Model model) {
        Forms.addIfAbsent(model, "form", AccountForm::new);
        model.addAttribute("roles", Role.values());
        Checks checks = new Checks();
        Role role = checks.oneOf("role", filter.getRole(), Role.class);
        if (ListFilter.refused(checks, errors, response)) {
            return "directory/accounts";
        }
        List<AccountSummary> accounts = directory.accounts(filter.like(), role, Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
        model.addAttribute("accounts", accounts);
        model.addAttribute("pager",
                Pager.of(directory.accountCount(filter.like(), role), accounts.size(), page, PAGE_SIZE));
        return "directory/accounts";
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @FormPage("/directory/accounts")
    String createAccount(@ModelAttribute("form") AccountForm form, RedirectAttributes redirect) {
        directory.createAccount(form.command());
        redirect.addFlashAttribute("saved", form.getUsername());
        return "redirect:/directory/accounts";
    }

    @GetMapping("/accounts/{username}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String editAccount(@PathVariable String username, Model model) {
        Forms.addIfAbsent(model, "form", () -> AccountEditForm.of(directory.findAccount(username)
                .orElseThrow(() -> Problems.notFound("account", username))));
        model.addAttribute("username", username);
        model.addAttribute("roles", Role.values());
        return "directory/account-form";
    }

    @PostMapping("/accounts/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    @FormPage("/directory/accounts/{username}/edit")
    String updateAccount(@PathVariable String username, @ModelAttribute("form") AccountEditForm form,
            RedirectAttributes redirect) {
        directory.updateAccount(username, form.command());
        redirect.addFlashAttribute("saved", username);
        return "redirect:/directory/accounts";
    }

    @GetMapping("/people/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newPerson(Model model) {
        Forms.addIfAbsent(model, "form", PersonForm::new);
        model.addAttribute("personId", null);
        return "directory/person-form";
    }

    @PostMapping("/people")
    @PreAuthorize("hasRole('ADMIN')")
    @FormPage("/directory/people/new")
    String createPerson(@ModelAttribute("form") PersonForm form, RedirectAttributes redirect) {
        PersonView person = directory.createPerson(form.command(directory));
        redirect.addFlashAttribute("saved", person.name());
        return "redirect:/directory/people";
    }

    @GetMapping("/people/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String editPerson(@PathVariable long id, Model model) {
        Forms.addIfAbsent(model, "form", () -> PersonForm.of(directory.person(id)));
        model.addAttribute("personId", id);
        return "directory/person-form";
    }

    @PostMapping("/people/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @FormPage("/directory/people/{id}/edit")
    String updatePerson(@PathVariable long id, @ModelAttribute("form") PersonForm form, RedirectAttributes redirect) {
        PersonView person = directory.updatePerson(id, form.command(directory));
        redirect.addFlashAttribute("saved", person.name());
        return "redirect:/directory/people";
    }

    @GetMapping("/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importPage() {
        return "directory/import";
    }

    /** The template for the signed-in admin's browser, which the API's address would refuse without a token. */
    @GetMapping("/import/template")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<byte[]> importTemplate() {
        return workbooks.templateDownload();
    }

    /** A file with bad rows imports nothing and comes back naming each of them. */
    @PostMapping("/import")
    @PreAuthorize("hasRole('ADMIN')")
    @FormPage("/directory/import")
    String importWorkbook(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        model.addAttribute("report", workbooks.importWorkbook(file.getInputStream()));
        return "directory/import";
    }

    /** The organisation form, bound field by field. */
    static class OrgForm implements Serializable {
        private String code;
        private String name;
        private String nameEn;
        private String kind;
        private String parentCode;
        private String district;

        static OrgForm of(OrgSummary org) {
            OrgForm form = new OrgForm();
            form.code = org.code();
            form.name = org.name();
            form.nameEn = org.nameEn();
            form.kind = org.kind().name();
            form.parentCode = org.parentCode();
            form.district = org.district();
            return form;
        }

        OrgCommand command() {
            // A form sends an emptied English name as blank, which removes it.
            return new OrgCommand(code, name, kind, parentCode, district, null, nameEn == null ? "" : nameEn);
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getNameEn() {
            return nameEn;
        }

        public void setNameEn(String nameEn) {
            this.nameEn = nameEn;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getParentCode() {
            return parentCode;
        }

        public void setParentCode(String parentCode) {
            this.parentCode = parentCode;
        }

        public String getDistrict() {
            return district;
        }

        public void setDistrict(String district) {
            this.district = district;
        }
    }

    /** The account editing form; a password is set only when one is typed. */
    static class AccountEditForm implements Serializable {
        private String displayName;
        private List<String> roles = List.of();
        private String orgCode;
        private boolean enabled = true;
        private String password;

        static AccountEditForm of(AccountSummary account) {
            AccountEditForm form = new AccountEditForm();
            form.displayName = account.displayName();
            form.roles = account.roles().stream().map(Enum::name).toList();
            form.orgCode = account.orgCode();
            form.enabled = account.enabled();
            return form;
        }

        DirectoryService.AccountUpdate command() {
            return new DirectoryService.AccountUpdate(displayName, roles, orgCode, enabled,
                    password == null || password.isBlank() ? null : password);
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles == null ? List.of() : roles;
        }

        public String getOrgCode() {
            return orgCode;
        }

        public void setOrgCode(String orgCode) {
            this.orgCode = orgCode;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    /**
     * The person form. Posts are typed one per line, as the paper writes them; a line may start with
     * an organisation code when the post is in another organisation ("ZZ-CPC-PLA 市委政法委书记").
     */
    static class PersonForm implements Serializable {
        private String name;
        private String orgCode;
        private String phone;
        private String email;
        private String posts;

        static PersonForm of(PersonView person) {
            PersonForm form = new PersonForm();
            form.name = person.name();
            form.orgCode = person.orgCode();
            form.phone = person.phone();
            form.email = person.email();
            form.posts = String.join("\n", person.posts().stream().map(p -> p.orgCode() == null
                    || p.orgCode().equals(person.orgCode()) ? p.title() : p.orgCode() + " " + p.title()).toList());
            return form;
        }

        PersonCommand command(DirectoryService directory) {
            java.util.List<PostCommand> list = new java.util.ArrayList<>();
            for (String line : posts == null ? new String[0] : posts.split("\\R")) {
                String text = line.trim();
                if (text.isEmpty()) {
                    continue;
                }
                int space = text.indexOf(' ');
                if (space > 0 && directory.orgId(text.substring(0, space)).isPresent()) {
                    list.add(new PostCommand(text.substring(0, space), text.substring(space + 1).trim()));
                } else {
                    list.add(new PostCommand(orgCode, text));
                }
            }
            return new PersonCommand(name, orgCode, phone, email, list, false);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getOrgCode() {
            return orgCode;
        }

        public void setOrgCode(String orgCode) {
            this.orgCode = orgCode;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPosts() {
            return posts;
        }

        public void setPosts(String posts) {
            this.posts = posts;
        }
    }

    /** The account form. */
    static class AccountForm implements Serializable {
        private String username;
        private String password;
        private String displayName;
        private List<String> roles = List.of();
        private String orgCode;

        AccountCommand command() {
            return new AccountCommand(username, password, displayName, roles, orgCode, null);
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles == null ? List.of() : roles;
        }

        public String getOrgCode() {
            return orgCode;
        }

        public void setOrgCode(String orgCode) {
            this.orgCode = orgCode;
        }
    }
}
