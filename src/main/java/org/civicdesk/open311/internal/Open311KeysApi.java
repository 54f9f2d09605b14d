package org.civicdesk.open311.internal;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Keys for Open311 client systems, issued, listed and revoked by an ADMIN. */
@RestController
@RequestMapping("/api/v1/open311/keys")
@Tag(name = "Open311")
class Open311KeysApi {

    private final Open311Clients clients;

    Open311KeysApi(Open311Clients clients) {
        this.clients = clients;
    }

    record KeyRequest(String name) {
    }

    record IssuedKey(long id, String name, String apiKey) {
    }

    @PostMapping
    @Operation(summary = "Issue an api_key to one client system (ADMIN); the key is shown this once")
    ResponseEntity<IssuedKey> issue(@RequestBody KeyRequest request) {
        Open311Clients.Issued issued = clients.issue(request.name());
        return ResponseEntity.created(URI.create("/api/v1/open311/keys/" + issued.id()))
                .body(new IssuedKey(issued.id(), issued.name(), issued.apiKey()));
    }

    @GetMapping
    @Operation(summary = "The client systems holding keys, revoked ones last (ADMIN); never the keys themselves")
    List<Open311Clients.Client> clients() {
        return clients.clients();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a client's key (ADMIN): its requests are refused from now on")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        clients.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
