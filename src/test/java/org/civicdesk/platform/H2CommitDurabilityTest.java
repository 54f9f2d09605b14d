package org.civicdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction that the embedded database reported committed survives the process being killed:
 * a child JVM commits through the shipped H2 URL and is then killed with SIGKILL at once.
 */
class H2CommitDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void aCommittedRowSurvivesKill9() throws Exception {
        String url = shippedUrl().replace("./data/civicdesk", dir.resolve("crash").toString());
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CommitThenWait.class.getName(), url)
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("COMMITTED"));
            assertThat(line).as("the child committed").isEqualTo("COMMITTED");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (Connection c = DriverManager.getConnection(url, "civicdesk", "civicdesk");
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM survivor")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1000);
        }
    }

    private static String shippedUrl() throws Exception {
        String yaml = Files.readString(Path.of("src/main/resources/application.yml"));
        Matcher m = Pattern.compile("url: (jdbc:h2:file:\\S+)").matcher(yaml);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The child: commits 1000 rows, says so, and then waits to be killed. */
    public static final class CommitThenWait {
        public static void main(String[] args) throws Exception {
            Connection c = DriverManager.getConnection(args[0], "civicdesk", "civicdesk");
            c.createStatement().execute("CREATE TABLE survivor (id INT PRIMARY KEY)");
            c.setAutoCommit(false);
            var insert = c.prepareStatement("INSERT INTO survivor (id) VALUES (?)");
            for (int i = 0; i < 1000; i++) {
                insert.setInt(1, i);
                insert.executeUpdate();
            }
            c.commit();
            System.out.println("COMMITTED");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
