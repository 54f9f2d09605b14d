package org.civicdesk.platform.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What an administrator does about an account's access: its sign-in holds and its API tokens. */
@RestController
@RequestMapping("/api/v1/accounts/{username}")
@Tag(name = "Accounts")
@PreAuthorize("hasRole('ADMIN')")
class AccountAccessController {

    private final AccountAccess access;

    AccountAccessController(AccountAccess access) {
        this.access = access;
    }

    @PostMapping("/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Lift every sign-in hold on the account, from every address (ADMIN)")
    void unlock(@PathVariable String username) {
        access.unlock(username);
    }

    @GetMapping("/tokens")
    @Operation(summary = "The account's API tokens that have not expired, without the tokens themselves (ADMIN)")
    List<ApiTokens.Listed> tokens(@PathVariable String username) {
        return access.tokens(username);
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the account's API tokens (ADMIN)")
    void revoke(@PathVariable String username, @PathVariable long id) {
        access.revoke(username, id);
    }
}
