package org.civicdesk.demo.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.civicdesk.directory.AccountCommand;
import org.civicdesk.directory.DirectoryCommands;
import org.civicdesk.directory.OrgCommand;
import org.civicdesk.directory.PersonCommand;
import org.civicdesk.directory.PostCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo city's directory: the organisations and people the Zhuzhou Daily of 28 February 2023
 * names, with the posts it gives, and the demo accounts (示例) to sign in with, from
 * {@code demo/zhuzhou/*.psv}. The paper dates none of it, so it is recorded as of today.
 */
@Component
class DirectoryDemo {

    private static final Logger log = LoggerFactory.getLogger(DirectoryDemo.class);

    private final DirectoryCommands directory;
    private final DemoSettings settings;

    DirectoryDemo(DirectoryCommands directory, DemoSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    void load() {
        for (String[] row : rows("demo/zhuzhou/orgs.psv", 7)) {
            directory.createOrg(new OrgCommand(row[0], row[1], row[2], row[3], row[4], "external".equals(row[5]),
                    row[6]));
        }
        for (String[] row : rows("demo/zhuzhou/people.psv", 3)) {
            List<PostCommand> posts = new ArrayList<>();
            for (String post : row[2].split("、")) {
                posts.add(new PostCommand(row[1], post));
            }
            directory.createPerson(new PersonCommand(row[0], row[1], null, null, posts, false));
        }
        // One call, so that their one password is hashed once.
        directory.createAccounts(rows("demo/zhuzhou/accounts.psv", 4).stream()
                .map(row -> new AccountCommand(row[0], settings.password(), row[1], Arrays.asList(row[2].split(",")),
                        row[3], null))
                .toList());
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
