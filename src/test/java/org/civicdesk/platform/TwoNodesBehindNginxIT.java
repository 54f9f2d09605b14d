package org.civicdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.civicdesk.support.Concurrently;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import com.jayway.jsonpath.JsonPath;

/**
 * Civic Desk deployed as docs/deployment.md describes: two app nodes, each a JVM of its own, on one
 * PostgreSQL database, behind nginx (Debian's package) running docs/nginx/civicdesk.conf. A sign-in
 * holds on whichever node serves the next page; the deadline watch runs once per firing though both
 * nodes fire it; a Giving-Day burst through nginx keeps exact totals and gap-free receipts; and a node
 * killed in the middle of a burst loses no donation it acknowledged. The nodes get a database of their
 * own on the test server, so that their receipts are the only ones of the year in it. Tagged
 * postgres-only: pom.xml leaves it out of the run on H2.
 */
@Tag("postgres-only")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesBehindNginxIT {

    private static final Path NGINX_SITE = Path.of("docs/nginx/civicdesk.conf");
    /** The seconds docs/nginx/civicdesk.conf leaves a dead node out, and the seconds this test does. */
    private static final int FAIL_TIMEOUT_DEPLOYED = 10;
    private static final int FAIL_TIMEOUT = 2;
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    private static final String PASSWORD = "secret-pass-1";
    /** Both nodes fire the deadline watch every 15 s; it keeps its lock 10 s, so each firing may run. */
    private static final String WATCH_CRON = "*/15 * * * * *";
    private static final int WATCH_EVERY_SECONDS = 15;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SERVED = Pattern.compile("request_id=(\\S+) upstream=(.*?) upstream_status=");
    private static final Pattern LOG_LINE = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\S+) .*");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final List<Node> nodes = new ArrayList<>();
    private static String pgUrl;
    private static String database;
    private static String databaseUrl;
    private static Process nginx;
    private static String base;
    private static String channel;

    /** An app node: its own JVM, killed by SIGKILL when the test wants it dead. */
    private record Node(String name, int port, Process process, Path log) {

        String address() {
            return "127.0.0.1:" + port;
        }
    }

    /** One payment report: its key, its amount and the JSON body a retry must send unchanged. */
    private record Donation(String key, BigDecimal amount, String body) {
    }

    /** What nginx answered to a report; status 0 when no answer came at all. */
    private record Answer(Donation donation, int status, Long id, boolean replayed, String detail) {

        boolean acknowledged() {
            return status / 100 == 2;
        }
    }

    @BeforeAll
    static void startTwoNodesBehindNginx() throws Exception {
        Path nginxBinary = Path.of(System.getenv().getOrDefault("CIVICDESK_TEST_NGINX", "/usr/sbin/nginx"));
        assertThat(Files.isExecutable(nginxBinary))
                .as("nginx is missing at %s: scripts/test-all.sh installs Debian's nginx package", nginxBinary).isTrue();
        pgUrl = required("CIVICDESK_TEST_PG_URL");
        database = "civicdesk_nginx_" + UUID.randomUUID().toString().substring(0, 8);
        databaseUrl = pgUrl.replaceFirst("/[^/?]+(?=\\?|$)", "/" + database);
        assertThat(databaseUrl).as("a database name in %s", pgUrl).isNotEqualTo(pgUrl);
        try (Connection c = connect(pgUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        // Every node signs the audit chain with the one key the deployment gives them all.
        KeyPair auditKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(dir.resolve("audit-signing-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(auditKey.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        // Both at once on the empty database, as a deployment starts them: one migrates, one makes the admin.
        nodes.add(startNode("node-1"));
        nodes.add(startNode("node-2"));
        for (Node node : nodes) {
            awaitUp(node.name(), node.process(), node.log(), "http://" + node.address() + "/actuator/health/readiness");
        }
        nginx = startNginx(nginxBinary);

        String admin = token("admin", ADMIN_PASSWORD);
        String org = "PAY-" + unique();
        expect(201, postJson("/api/v1/orgs", admin,
                "{\"code\":\"%s\",\"name\":\"Payment channel %s\",\"kind\":\"ENTERPRISE\"}".formatted(org, org)));
        channel = token(createAccount(admin, "channel-" + unique(), "Payment channel", "CHARITY_OFFICER", org), PASSWORD);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (nginx != null) {
            stop(nginx);
        }
        for (Node node : nodes) {
            stop(node.process());
        }
        if (database != null) {
            try (Connection c = connect(pgUrl); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    @Order(1)
    void aSignInThroughTheWebFormHoldsOnBothNodes() throws Exception {
        String admin = token("admin", ADMIN_PASSWORD);
        String displayName = "Clerk " + unique();
        String username = createAccount(admin, "clerk-" + unique(), displayName, "RAISER", null);
        HttpResponse<String> signedOut = send(HttpRequest.newBuilder(URI.create(base + "/my/meetings")));
        assertThat(signedOut.statusCode()).as("a page for signed-in people, without a session").isEqualTo(302);

        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(URI.create(base + "/login")));
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).as("the CSRF token in the sign-in form:\n%s", loginPage.body()).isTrue();
        String form = "username=" + encode(username) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> signIn = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Cookie", sessionCookie(loginPage)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
        assertThat(URI.create(base + "/").resolve(signIn.headers().firstValue("Location").orElseThrow()))
                .as("where a successful sign-in leads").isEqualTo(URI.create(base + "/desk"));
        String session = sessionCookie(signIn);

        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/my/meetings"))
                    .header("Cookie", session));
            assertThat(page.statusCode()).as("page %d after signing in", i).isEqualTo(200);
            assertThat(page.body()).as("page %d after signing in", i).contains(displayName);
            requestIds.add(page.headers().firstValue("X-Request-Id").orElseThrow());
        }
        assertThat(new HashSet<>(servedBy(requestIds).values()))
                .as("the nodes that served the signed-in pages")
                .containsExactlyInAnyOrder(nodes.get(0).address(), nodes.get(1).address());
    }

    @Test
    @Order(2)
    void theNodesWriteLinksToNginxAndLogItsRequestId() throws Exception {
        HttpResponse<String> feed = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/public/notices.atom")));
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).as("links of the feed, made from the request").contains(base + "/api/v1/public/notices.atom")
                .doesNotContain(nodes.get(0).address()).doesNotContain(nodes.get(1).address());
        String requestId = feed.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(requestId).as("nginx's $request_id, echoed by the node").matches("[0-9a-f]{32}");
        assertThat(servedBy(List.of(requestId)).get(requestId)).as("the node that served it")
                .isIn(nodes.get(0).address(), nodes.get(1).address());
    }

    @Test
    @Order(3)
    void aGivingDayBurstThroughNginxCountsEachKeyOnceWithGapFreeReceipts() throws Exception {
        String campaign = campaign();
        List<Donation> donations = donations(campaign, 200);
        List<Donation> reports = new ArrayList<>(donations);
        for (int i = 0; i < donations.size(); i += 4) {
            reports.add(donations.get(i));
        }
        // Retries mixed among the first reports, some before them, as a channel that timed out sends them.
        Collections.shuffle(reports, new Random(99));
        List<Answer> answers = burst(reports, new CountDownLatch(0));

        Map<String, List<Answer>> byKey = new HashMap<>();
        for (Answer answer : answers) {
            assertThat(answer.status()).as("%s: %s", answer.donation().key(), answer.detail()).isEqualTo(201);
            byKey.computeIfAbsent(answer.donation().key(), k -> new ArrayList<>()).add(answer);
        }
        assertThat(byKey).hasSize(donations.size());
        byKey.forEach((key, same) -> {
            assertThat(same.stream().map(Answer::id).distinct()).as("donations recorded under %s", key).hasSize(1);
            assertThat(same.stream().filter(a -> !a.replayed())).as("first answers under %s", key).hasSize(1);
        });
        assertCampaign(campaign, donations);
        assertReceiptsGapFree();
    }

    @Test
    @Order(4)
    void theDeadlineWatchRunsOnceForEachFiringThoughBothNodesFireIt() throws Exception {
        await("two firings of the deadline watch seen by both nodes").atMost(Duration.ofSeconds(75))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> watchFirings().values().stream()
                        .filter(f -> f.stream().map(o -> o.substring(0, o.indexOf(' '))).distinct().count() == 2)
                        .count() >= 2);
        watchFirings().forEach((at, outcomes) -> assertThat(outcomes.stream().filter(o -> o.endsWith(" ran")))
                .as("runs of the firing at %s: %s", Instant.ofEpochSecond(at), outcomes).hasSize(1));
    }

    @Test
    @Order(5)
    void aNodeKilledMidBurstLosesNoAcknowledgedDonation() throws Exception {
        String campaign = campaign();
        List<Donation> donations = donations(campaign, 240);
        Node survivor = nodes.get(0);
        Node victim = nodes.get(1);
        CountDownLatch answered = new CountDownLatch(60);
        ExecutorService killer = Executors.newSingleThreadExecutor();
        Future<Process> killed = killer.submit(() -> {
            answered.await();
            return victim.process().destroyForcibly();
        });
        List<Answer> answers = burst(donations, answered);
        killed.get(1, TimeUnit.MINUTES).waitFor();
        killer.shutdown();
        assertThat(victim.process().exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        Map<Long, String> recorded = keysById(campaign);
        List<Answer> unanswered = new ArrayList<>();
        for (Answer answer : answers) {
            if (answer.acknowledged()) {
                assertThat(recorded.get(answer.id())).as("acknowledged donation %d", answer.id())
                        .isEqualTo(answer.donation().key());
            } else {
                unanswered.add(answer);
            }
        }
        // nginx leaves the dead node out for its fail_timeout, then tries it again: the node refuses the
        // connection, and nginx passes even a POST on to the survivor, as the dead node never saw it.
        Thread.sleep(Duration.ofSeconds(FAIL_TIMEOUT + 1).toMillis());
        // The channel sends again, with the same key, what got no answer: each is replayed or recorded now.
        for (Answer lost : unanswered) {
            Answer retry = donate(lost.donation());
            assertThat(retry.status()).as("retry of %s after %s: %s", lost.donation().key(), lost.detail(), retry.detail())
                    .isEqualTo(201);
        }
        List<Donation> later = donations(campaign, 6);
        for (Donation donation : later) {
            Answer answer = donate(donation);
            assertThat(answer.status()).as("%s: %s", donation.key(), answer.detail()).isEqualTo(201);
        }
        assertThat(Files.readAllLines(dir.resolve("access.log"))).as("donations passed on from the dead node")
                .anyMatch(line -> line.contains("\"POST /api/v1/donations ")
                        && line.contains("upstream=" + victim.address() + ", " + survivor.address() + " "));

        List<Donation> all = new ArrayList<>(donations);
        all.addAll(later);
        assertThat(keysById(campaign).values()).as("the keys of the recorded donations")
                .containsExactlyInAnyOrderElementsOf(all.stream().map(Donation::key).toList());
        assertCampaign(campaign, all);
        assertReceiptsGapFree();
    }

    /** Sends every report at once (16 at a time); each answer counts {@code answered} down. */
    private static List<Answer> burst(List<Donation> reports, CountDownLatch answered) throws Exception {
        return Concurrently.answers(reports.stream().<Callable<Answer>>map(report -> () -> {
            try {
                return donate(report);
            } finally {
                answered.countDown();
            }
        }).toList());
    }

    private static Answer donate(Donation donation) throws InterruptedException {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/donations"))
                    .header("Authorization", "Bearer " + channel).header("Idempotency-Key", donation.key())
                    .header("Content-Type", "application/json").POST(BodyPublishers.ofString(donation.body())));
            Long id = response.statusCode() / 100 == 2 ? ((Number) JsonPath.read(response.body(), "$.id")).longValue()
                    : null;
            boolean replayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
            return new Answer(donation, response.statusCode(), id, replayed, response.body());
        } catch (IOException noAnswer) {
            return new Answer(donation, 0, null, false, noAnswer.toString());
        }
    }

    /** Reports with amounts in cents and a donor each, under keys of their own. */
    private static List<Donation> donations(String campaign, int count) {
        String run = unique();
        return IntStream.range(0, count).mapToObj(i -> {
            BigDecimal amount = new BigDecimal("%d.%02d".formatted(i % 97 + 1, i * 37 % 100));
            String body = "{\"campaign\":\"%s\",\"amount\":\"%s\",\"donorName\":\"Donor %s-%d\"}".formatted(campaign,
                    amount.toPlainString(), run, i);
            return new Donation("gd-" + run + "-" + i, amount, body);
        }).toList();
    }

    private static String campaign() throws Exception {
        String code = "GD-" + unique();
        expect(201, postJson("/api/v1/campaigns", channel, "{\"code\":\"%s\",\"name\":\"99 Giving Day\"}".formatted(code)));
        return code;
    }

    /** The public figures of the campaign count each donation once, to the cent. */
    private static void assertCampaign(String campaign, List<Donation> donations) throws Exception {
        BigDecimal sum = donations.stream().map(Donation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        HttpResponse<String> figures = expect(200,
                send(HttpRequest.newBuilder(URI.create(base + "/api/v1/public/campaigns/" + campaign))));
        assertThat(JsonPath.<String>read(figures.body(), "$.raised")).as("raised").isEqualTo(sum.toPlainString());
        assertThat(JsonPath.<Integer>read(figures.body(), "$.donations")).as("donations").isEqualTo(donations.size());
        assertThat(JsonPath.<Integer>read(figures.body(), "$.donors")).as("donors").isEqualTo(donations.size());
    }

    /**
     * Once every donation has its receipt number (a node may number them after answering), the numbers
     * of each year are exactly 1..n: none missing, none twice.
     */
    private static void assertReceiptsGapFree() throws Exception {
        await("receipt numbers for every donation").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> rows("SELECT d.id FROM charity_donation d "
                        + "WHERE NOT EXISTS (SELECT 1 FROM charity_receipt r WHERE r.donation_id = d.id)").isEmpty());
        Map<Integer, List<Long>> byYear = new TreeMap<>();
        for (List<String> row : rows("SELECT r.receipt_no, EXTRACT(YEAR FROM d.received_on) "
                + "FROM charity_donation d JOIN charity_receipt r ON r.donation_id = d.id")) {
            int year = new BigDecimal(row.get(1)).intValueExact();
            String prefix = year + "-";
            assertThat(row.get(0)).as("receipt of a donation received in %d", year).startsWith(prefix);
            byYear.computeIfAbsent(year, y -> new ArrayList<>()).add(Long.parseLong(row.get(0).substring(prefix.length())));
        }
        assertThat(byYear).isNotEmpty();
        byYear.forEach((year, numbers) -> assertThat(numbers.stream().sorted().toList()).as("receipt numbers of %d", year)
                .isEqualTo(LongStream.rangeClosed(1, numbers.size()).boxed().toList()));
    }

    private static Map<Long, String> keysById(String campaign) throws SQLException {
        Map<Long, String> keys = new HashMap<>();
        for (List<String> row : rows("SELECT d.id, d.idempotency_key FROM charity_donation d "
                + "JOIN charity_campaign c ON c.id = d.campaign_id WHERE c.code = ?", campaign)) {
            keys.put(Long.parseLong(row.get(0)), row.get(1));
        }
        return keys;
    }

    /**
     * Each firing of the deadline watch (its epoch second, a multiple of the cron's 15 s), with what the nodes
     * that fired it logged: "node-1 ran" (the watch's own line) or "node-2 locked" (ShedLock's refusal, a
     * debug line).
     */
    private static Map<Long, List<String>> watchFirings() throws IOException {
        Map<Long, List<String>> firings = new TreeMap<>();
        for (Node node : nodes) {
            for (String line : Files.readAllLines(node.log())) {
                String outcome = line.contains(" Deadline watch: ") ? "ran"
                        : line.contains("Not executing 'matters.deadlineWatch'") ? "locked" : null;
                Matcher at = LOG_LINE.matcher(line);
                if (outcome != null && at.matches()) {
                    long firing = OffsetDateTime.parse(at.group(1)).toEpochSecond() / WATCH_EVERY_SECONDS;
                    firings.computeIfAbsent(firing * WATCH_EVERY_SECONDS, f -> new ArrayList<>())
                            .add(node.name() + " " + outcome);
                }
            }
        }
        return firings;
    }

    /** The node (host:port) that answered each request, from nginx's access log. */
    private static Map<String, String> servedBy(List<String> requestIds) {
        Map<String, String> served = new HashMap<>();
        await("the requests in nginx's access log").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    for (String line : Files.readAllLines(dir.resolve("access.log"))) {
                        Matcher m = SERVED.matcher(line);
                        if (m.find() && requestIds.contains(m.group(1))) {
                            String[] tried = m.group(2).split(", ");
                            served.put(m.group(1), tried[tried.length - 1]);
                        }
                    }
                    return served.keySet().containsAll(requestIds);
                });
        return served;
    }

    private static Node startNode(String name) throws IOException {
        int port = freePort();
        Path log = dir.resolve(name + ".log");
        // Surefire's class path may be a jar whose manifest lists the rest; the node starts from it as well.
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + dir, "-cp",
                System.getProperty("java.class.path"), "org.civicdesk.CivicDeskApplication",
                "--logging.level.net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor=DEBUG")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // The firings are read from the plain log lines.
        env.remove("CIVICDESK_LOG_FORMAT");
        env.put("SPRING_PROFILES_ACTIVE", "postgres");
        env.put("SPRING_DATASOURCE_URL", databaseUrl);
        env.put("SPRING_DATASOURCE_USERNAME", required("CIVICDESK_TEST_PG_USER"));
        env.put("SPRING_DATASOURCE_PASSWORD", required("CIVICDESK_TEST_PG_PASSWORD"));
        // The other integration tests keep their own pools open on the same server.
        env.put("CIVICDESK_DB_POOL_SIZE", "8");
        env.put("CIVICDESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("CIVICDESK_DEMO_ENABLED", "false");
        env.put("CIVICDESK_SCHEDULING_ENABLED", "true");
        env.put("CIVICDESK_MATTERS_DEADLINE_WATCH_CRON", WATCH_CRON);
        env.put("SERVER_FORWARD_HEADERS_STRATEGY", "native");
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("PORT", Integer.toString(port));
        env.put("CIVICDESK_AUDIT_SIGNING_KEY_FILE", dir.resolve("audit-signing-key.pem").toString());
        env.put("CIVICDESK_AUDIT_WITNESS_DIR", dir.resolve("witness-" + name).toString());
        return new Node(name, port, builder.start(), log);
    }

    /** nginx with docs/nginx/civicdesk.conf in a configuration that keeps all it writes in the test's directory. */
    private static Process startNginx(Path binary) throws Exception {
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        String site = Files.readString(NGINX_SITE);
        site = replaceOnce(site, "10.0.0.11:8080", nodes.get(0).address());
        site = replaceOnce(site, "10.0.0.12:8080", nodes.get(1).address());
        site = replaceOnce(site, "listen 80;", "listen 127.0.0.1:" + port + ";");
        site = replaceOnce(site, "/var/log/nginx/civicdesk.access.log", dir.resolve("access.log").toString());
        // The deployment leaves a dead node out for 10 s; the test waits that out once, so it shortens it.
        assertThat(site).as("fail_timeout in %s", NGINX_SITE).contains("fail_timeout=" + FAIL_TIMEOUT_DEPLOYED + "s");
        site = site.replace("fail_timeout=" + FAIL_TIMEOUT_DEPLOYED + "s", "fail_timeout=" + FAIL_TIMEOUT + "s");
        Files.writeString(dir.resolve("civicdesk.conf"), site);
        Path conf = dir.resolve("nginx.conf");
        // The workers read and write the test's directory, which only its owner may: they run as that user
        // (nginx ignores the line unless started as root, as CI starts it).
        Files.writeString(conf, """
                user %s;
                worker_processes 1;
                pid nginx.pid;
                error_log nginx-error.log info;
                events {
                    worker_connections 512;
                }
                http {
                    client_body_temp_path client_body_temp;
                    proxy_temp_path proxy_temp;
                    fastcgi_temp_path fastcgi_temp;
                    uwsgi_temp_path uwsgi_temp;
                    scgi_temp_path scgi_temp;
                    include civicdesk.conf;
                }
                """.formatted(System.getProperty("user.name")));
        List<String> command = List.of(binary.toString(), "-p", dir + "/", "-c", conf.toString(), "-g", "daemon off;");
        Path output = dir.resolve("nginx.out");
        Process check = new ProcessBuilder(concat(command, "-t")).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        assertThat(check.waitFor()).as("nginx -t:\n%s", Files.readString(output)).isZero();
        Process started = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        awaitUp("nginx", started, dir.resolve("nginx-error.log"), base + "/actuator/health");
        return started;
    }

    private static void awaitUp(String name, Process process, Path log, String health) {
        await(name + " up").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .failFast(() -> assertThat(process.isAlive()).as(() -> name + " stopped:\n" + tail(log)).isTrue())
                .until(() -> send(HttpRequest.newBuilder(URI.create(health))).statusCode() == 200);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static String token(String username, String password) throws Exception {
        HttpResponse<String> response = expect(200, postJson("/api/v1/auth/token", null,
                "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password)));
        return JsonPath.read(response.body(), "$.token");
    }

    private static String createAccount(String admin, String username, String displayName, String role, String org)
            throws Exception {
        String orgCode = org == null ? "" : ",\"orgCode\":\"%s\"".formatted(org);
        expect(201, postJson("/api/v1/accounts", admin,
                "{\"username\":\"%s\",\"password\":\"%s\",\"displayName\":\"%s\",\"roles\":[\"%s\"]%s}"
                        .formatted(username, PASSWORD, displayName, role, orgCode)));
        return username;
    }

    private static HttpResponse<String> postJson(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json));
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.request().uri(),
                response.body()).isEqualTo(status);
        return response;
    }

    /** The session cookie that a response sets, as a Cookie header. */
    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    private static List<List<String>> rows(String sql, Object... params) throws SQLException {
        try (Connection c = connect(databaseUrl); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, required("CIVICDESK_TEST_PG_USER"), required("CIVICDESK_TEST_PG_PASSWORD"));
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        assertThat(value).as("%s is not set: scripts/test-all.sh starts PostgreSQL and sets it", variable).isNotBlank();
        return value;
    }

    private static String replaceOnce(String text, String target, String replacement) {
        assertThat(text.split(Pattern.quote(target), -1)).as("'%s' once in %s", target, NGINX_SITE).hasSize(2);
        return text.replace(target, replacement);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e + ")";
        }
    }

    private static List<String> concat(List<String> command, String more) {
        List<String> all = new ArrayList<>(command);
        all.add(more);
        return all;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
