package org.civicdesk.directory.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.civicdesk.directory.AccountCommand;
import org.civicdesk.shared.OnceOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the bootstrap admin in an empty database, once across all nodes. It does so as soon as the
 * application has started, before any {@link org.springframework.boot.ApplicationRunner} runs, so
 * that whatever a runner does as the admin (the demo city does) finds the account there.
 */
@Component
@EnableConfigurationProperties(DirectoryBootstrap.AdminSettings.class)
class DirectoryBootstrap {

    /**
     * The bootstrap admin ({@code CIVICDESK_ADMIN_PASSWORD}).
     *
     * @param password the password of the account {@code admin}, created on the first start; a random
     *        one, written once to the log, when it is not given
     */
    @ConfigurationProperties("civicdesk.admin")
    record AdminSettings(String password) {
    }


    private static final Logger log = LoggerFactory.getLogger(DirectoryBootstrap.class);

    private final DirectoryService directory;
    private final OnceOnly once;
    private final String adminPassword;

    DirectoryBootstrap(DirectoryService directory, OnceOnly once, AdminSettings admin) {
        this.directory = directory;
        this.once = once;
        this.adminPassword = admin.password();
    }

    @EventListener(ApplicationStartedEvent.class)
    void createAdminOnce() {
        once.run("bootstrap.admin", this::createAdmin);
    }

    private void createAdmin() {
        if (directory.credentials("admin").isPresent()) {
            return;
        }
        String password = adminPassword;
        if (password == null || password.isBlank()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("CIVICDESK_ADMIN_PASSWORD is not set. Created account 'admin' with the one-time password: {}",
                    password);
        }
        directory.createAccount(new AccountCommand("admin", password, "系统管理员 Administrator", List.of("ADMIN"),
                null, null), false);
    }
}
