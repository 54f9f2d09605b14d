package org.civicdesk.directory.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.civicdesk.directory.AccountCommand;
import org.civicdesk.directory.OrgCommand;
import org.civicdesk.directory.PersonCommand;
import org.civicdesk.directory.PostCommand;
import org.civicdesk.shared.OnceOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Prepares an empty database: the bootstrap admin, and, when the demo is on, the directory of the
 * demo city, each once across all nodes.
 */
@Component
@Order(0)
class DirectoryBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectoryBootstrap.class);

    private final DirectoryService directory;
    private final OnceOnly once;
    private final String adminPassword;
    private final boolean demo;
    private final String demoPassword;

    DirectoryBootstrap(DirectoryService directory, OnceOnly once,
            @Value("${civicdesk.admin.password:}") String adminPassword,
            @Value("${civicdesk.demo.enabled:false}") boolean demo,
            @Value("${civicdesk.demo.password:civicdesk-demo}") String demoPassword) {
        this.directory = directory;
        this.once = once;
        this.adminPassword = adminPassword;
        this.demo = demo;
        this.demoPassword = demoPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        once.run("bootstrap.admin", this::createAdmin);
        if (demo) {
            once.run("demo.directory", this::loadDemoDirectory);
        }
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

    private void loadDemoDirectory() {
        for (String[] row : rows("demo/zhuzhou/orgs.psv", 5)) {
            directory.createOrg(new OrgCommand(row[0], row[1], row[2], row[3], row[4]));
        }
        for (String[] row : rows("demo/zhuzhou/people.psv", 3)) {
            List<PostCommand> posts = new ArrayList<>();
            for (String post : row[2].split("、")) {
                posts.add(new PostCommand(row[1], post));
            }
            directory.createPerson(new PersonCommand(row[0], row[1], null, null, posts, null));
        }
        for (String[] row : rows("demo/zhuzhou/accounts.psv", 4)) {
            directory.createAccount(new AccountCommand(row[0], demoPassword, row[1], Arrays.asList(row[2].split(",")),
                    row[3], null));
        }
        log.info("Loaded the demo city's directory. Demo accounts (password from CIVICDESK_DEMO_PASSWORD): "
                + "supervisor, handler-drc, handler-fin, raiser, entrepreneur, xiaoyongmin, zhangnengwu, places, charity");
    }

    /** Pipe-separated rows; blank lines and lines starting with # are skipped, empty cells are null. */
    private static List<String[]> rows(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = Arrays.copyOf(line.split("\\|", -1), columns);
                for (int i = 0; i < columns; i++) {
                    cells[i] = cells[i] == null || cells[i].isBlank() ? null : cells[i].trim();
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read demo data " + resource, e);
        }
        return rows;
    }
}
