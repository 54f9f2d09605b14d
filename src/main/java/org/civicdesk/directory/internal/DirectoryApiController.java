package org.civicdesk.directory.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.civicdesk.directory.AccountCommand;
import org.civicdesk.directory.AccountSummary;
import org.civicdesk.directory.OrgCommand;
import org.civicdesk.directory.OrgKind;
import org.civicdesk.directory.OrgSummary;
import org.civicdesk.directory.PersonCommand;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Directory", description = "Organisations, people and accounts")
class DirectoryApiController {

    private final DirectoryService directory;
    private final WorkbookImport workbooks;

    DirectoryApiController(DirectoryService directory, WorkbookImport workbooks) {
        this.directory = directory;
        this.workbooks = workbooks;
    }

    @PostMapping("/orgs")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create an organisation")
    ResponseEntity<OrgSummary> createOrg(@RequestBody OrgCommand cmd) {
        OrgSummary org = directory.createOrg(cmd);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + org.code())).body(org);
    }

    @GetMapping("/orgs")
    List<OrgSummary> orgs(@RequestParam(required = false) String q, @RequestParam(required = false) OrgKind kind,
            @RequestParam(defaultValue = "200") int limit) {
        return directory.orgs(q, kind, clamp(limit));
    }

    @GetMapping("/orgs/{code}")
    OrgSummary org(@PathVariable String code) {
        return directory.org(code);
    }

    @PutMapping("/orgs/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    OrgSummary updateOrg(@PathVariable String code, @RequestBody OrgCommand cmd) {
        return directory.updateOrg(code, cmd);
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create an account")
    ResponseEntity<AccountSummary> createAccount(@RequestBody AccountCommand cmd) {
        AccountSummary account = directory.createAccount(cmd);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.username())).body(account);
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    List<AccountSummary> accounts(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "200") int limit) {
        return directory.accounts(q, clamp(limit));
    }

    @GetMapping("/accounts/{username}")
    AccountSummary account(@PathVariable String username) {
        Actor actor = Actor.require();
        if (!actor.has(Role.ADMIN) && !actor.username().equals(username)) {
            throw Problems.forbidden();
        }
        return directory.findAccount(username).orElseThrow(() -> Problems.notFound("account", username));
    }

    @PutMapping("/accounts/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change an account's name, roles, organisation, whether it is enabled, or its password")
    AccountSummary updateAccount(@PathVariable String username, @RequestBody DirectoryService.AccountUpdate cmd) {
        return directory.updateAccount(username, cmd);
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in account")
    AccountSummary me() {
        return account(Actor.require().username());
    }

    @GetMapping("/people")
    List<PersonView> people(@RequestParam(required = false) String q, @RequestParam(required = false) String org,
            @RequestParam(defaultValue = "200") int limit) {
        return directory.people(q, org, clamp(limit));
    }

    @GetMapping("/people/{id}")
    PersonView person(@PathVariable long id) {
        return directory.person(id);
    }

    @PostMapping("/people")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<PersonView> createPerson(@RequestBody PersonCommand cmd) {
        PersonView person = directory.createPerson(cmd);
        return ResponseEntity.created(URI.create("/api/v1/people/" + person.id())).body(person);
    }

    @PutMapping("/people/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    PersonView updatePerson(@PathVariable long id, @RequestBody PersonCommand cmd) {
        return directory.updatePerson(id, cmd);
    }

    @PostMapping(path = "/directory/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import organisations and people from an Excel workbook; nothing is imported if any row is bad")
    WorkbookImport.Report importWorkbook(@RequestPart("file") MultipartFile file) throws IOException {
        return workbooks.importWorkbook(file.getInputStream());
    }

    @GetMapping("/directory/import/template")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<byte[]> template() {
        return workbooks.templateDownload();
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, 1000));
    }
}
