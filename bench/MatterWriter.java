import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write generator of the mixed benchmark (bench/matters.sh, issue 7): while wrk reads the inbox,
 * the board or the statistics from two app nodes, this performs case transitions through the API at a
 * steady rate, spread over all 200 departments, and checks read-your-writes after each one.
 *
 * <p>Only the JDK: {@code java bench/MatterWriter.java --nodes URL,URL --prefix P --work DIR ...}.
 *
 * <p>Work comes from three files that the script exports from the database just before each run (so
 * nothing is done twice across runs), each a disjoint set of matters:
 * <ul>
 * <li>{@code sign.tsv} (case, matter, department): ASSIGNED cases of matters still ASSIGNED; the
 * department's HANDLER signs (签收). A department's pending count does not move (ASSIGNED and SIGNED
 * are both pending).</li>
 * <li>{@code answer.tsv} (case, matter, department): SIGNED lead cases of matters IN_PROGRESS; the
 * lead department's HANDLER answers (答复). That department's pending count falls by exactly one; no
 * other department's moves.</li>
 * <li>{@code rate.tsv} (matter, raiser, series, lead department): ANSWERED matters none of whose cases
 * is pending; the raiser rates SATISFIED, which closes the matter and moves no pending count.</li>
 * </ul>
 * Departments are dealt out to the writer threads (dept-NNN to thread NNN mod threads), and a thread
 * takes only its own departments' work, so only one thread changes a department's pending count.
 *
 * <p>After each write on one node the writer reads at once on the OTHER node with its own token:
 * <ul>
 * <li>after an answer, its department's inbox {@code total} must be one less than what this handler
 * last read;</li>
 * <li>after a sign, {@code GET /api/v1/matters/{id}} must show the case SIGNED;</li>
 * <li>after a rating, the statistics of the matter's series (or of all, for matters without one) must
 * show {@code closed} at least one more than the raiser read there just before rating.</li>
 * </ul>
 * A check that fails is a violation of read-your-writes; each is counted and described, never retried
 * away. Besides, for every {@code --others-every}-th answer, one second after the answer a colleague in
 * the same department who never writes (bench-c-NNN) reads that inbox on the other node with a page size
 * no writer uses, and must see the answer too (the app promises others see a change within 1 s).
 *
 * <p>Protocol with the script: load the work, read each department's inbox total once, create the
 * {@code --ready} file, wait for the {@code --go} file, then write for {@code --duration} seconds at
 * {@code --rate} writes per second (paced globally; a write that cannot start on time starts late and
 * the achieved rate says so), and print a report of {@code key=value} lines on standard output.
 */
public class MatterWriter {

    enum Kind {
        SIGN, ANSWER, RATE
    }

    record Work(long caseId, long matterId, String org, String raiser, String series) {
    }

    static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    static final Pattern CLOSED = Pattern.compile("\"closed\"\\s*:\\s*(\\d+)");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    static final String ANSWER_BODY = "{\"category\":\"A\",\"text\":\"答复（基准测试示例）：经研究已办理完毕。\","
            + "\"signedOffBy\":\"局长（示例）\"}";
    static final String RATE_BODY = "{\"rating\":\"SATISFIED\",\"comment\":\"满意（基准测试示例）\"}";

    final List<String> nodes;
    final String prefix;
    final double rate;
    final long durationNanos;
    final int threads;
    final int othersEvery;
    final Kind[] mix;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // Work, per department (index 1..200) and per kind; rate work per thread.
    final Map<String, ArrayDeque<Work>> signs = new HashMap<>();
    final Map<String, ArrayDeque<Work>> answers = new HashMap<>();
    final List<ArrayDeque<Work>> rates = new ArrayList<>();
    /** The inbox total each department's handler last read; touched only by the department's thread. */
    final Map<String, Long> lastTotal = new ConcurrentHashMap<>();

    // Results: a counter (or list) for each kind, all made before the threads start.
    final Map<Kind, LongAdder> attempted = new EnumMap<>(Kind.class);
    final Map<Kind, LongAdder> succeeded = new EnumMap<>(Kind.class);
    final Map<Kind, ConcurrentLinkedQueue<Long>> latencies = new HashMap<>();
    final Map<Kind, LongAdder> checks = new EnumMap<>(Kind.class);
    final Map<Kind, LongAdder> violations = new EnumMap<>(Kind.class);
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final LongAdder othersChecks = new LongAdder();
    final LongAdder othersStale = new LongAdder();
    final LongAdder late = new LongAdder();
    final ConcurrentLinkedQueue<String> details = new ConcurrentLinkedQueue<>();
    final AtomicLong opCounter = new AtomicLong();
    final Map<String, Integer> departmentsTouched = new ConcurrentHashMap<>();
    volatile boolean exhausted;

    MatterWriter(Map<String, String> a) {
        nodes = List.of(a.get("nodes").split(","));
        if (nodes.size() != 2) {
            throw new IllegalArgumentException("--nodes takes two base URLs, comma-separated");
        }
        prefix = a.get("prefix");
        rate = Double.parseDouble(a.getOrDefault("rate", "50"));
        durationNanos = (long) (Double.parseDouble(a.getOrDefault("duration", "20")) * 1e9);
        threads = Integer.parseInt(a.getOrDefault("threads", "16"));
        othersEvery = Integer.parseInt(a.getOrDefault("others-every", "4"));
        List<Kind> m = new ArrayList<>();
        String[] w = a.getOrDefault("mix", "1:1:1").split(":");
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < Integer.parseInt(w[k]); i++) {
                m.add(Kind.values()[k]);
            }
        }
        mix = m.toArray(Kind[]::new);
        for (Kind k : Kind.values()) {
            attempted.put(k, new LongAdder());
            succeeded.put(k, new LongAdder());
            checks.put(k, new LongAdder());
            violations.put(k, new LongAdder());
            latencies.put(k, new ConcurrentLinkedQueue<>());
        }
        for (int t = 0; t < threads; t++) {
            rates.add(new ArrayDeque<>());
        }
    }

    static String dept(int n) {
        return String.format("dept-%03d", n);
    }

    static int deptNumber(String org) {
        return Integer.parseInt(org.substring(org.lastIndexOf('-') + 1));
    }

    int threadOf(String org) {
        return deptNumber(org) % threads;
    }

    String token(String username) {
        return prefix + "-" + username;
    }

    static String handler(String org) {
        return "bench-h-" + org.substring(org.lastIndexOf('-') + 1);
    }

    static String colleague(String org) {
        return "bench-c-" + org.substring(org.lastIndexOf('-') + 1);
    }

    void load(Path dir) throws IOException {
        for (String line : Files.readAllLines(dir.resolve("sign.tsv"))) {
            String[] f = line.split("\t", -1);
            if (f.length >= 3) {
                signs.computeIfAbsent(f[2], k -> new ArrayDeque<>())
                        .add(new Work(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], null, null));
            }
        }
        for (String line : Files.readAllLines(dir.resolve("answer.tsv"))) {
            String[] f = line.split("\t", -1);
            if (f.length >= 3) {
                answers.computeIfAbsent(f[2], k -> new ArrayDeque<>())
                        .add(new Work(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], null, null));
            }
        }
        for (String line : Files.readAllLines(dir.resolve("rate.tsv"))) {
            String[] f = line.split("\t", -1);
            if (f.length >= 4) {
                rates.get(threadOf(f[3])).add(new Work(0, Long.parseLong(f[0]), f[3], f[1], f[2]));
            }
        }
    }

    // --- HTTP

    record Reply(int status, String body, long nanos) {
    }

    Reply call(String method, int node, String path, String username, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(nodes.get(node) + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token(username))
                .header("Accept-Language", "en");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Reply(-1, e.toString(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-2, "interrupted", System.nanoTime() - start);
        }
    }

    static long number(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No " + p + " in " + body.substring(0, Math.min(300, body.length())));
        }
        return Long.parseLong(m.group(1));
    }

    /** The status of case {@code caseId} in a matter's JSON: the first "status" after its "id". */
    static String caseStatus(String body, long caseId) {
        Matcher id = Pattern.compile("\\{\\s*\"id\"\\s*:\\s*" + caseId + "\\s*,\\s*\"matterId\"").matcher(body);
        if (!id.find()) {
            return "missing";
        }
        Matcher s = STATUS.matcher(body);
        return s.find(id.end()) ? s.group(1) : "missing";
    }

    void error(Kind kind, String what, Reply r) {
        String key = kind + " " + what + " " + (r.status() < 0 ? "io" : Integer.toString(r.status()));
        errors.computeIfAbsent(key, k -> new LongAdder()).increment();
        if (errors.get(key).sum() <= 3) {
            detail("error " + key + ": " + r.body().substring(0, Math.min(300, r.body().length())));
        }
    }

    void detail(String s) {
        if (details.size() < 200) {
            details.add(s);
        }
    }

    long inboxTotal(int node, String org, Kind kind) {
        Reply r = call("GET", node, "/api/v1/cases", handler(org), null);
        if (r.status() != 200) {
            error(kind, "inbox-read", r);
            return -1;
        }
        return number(TOTAL, r.body());
    }

    // --- the writes

    final ScheduledExecutorService later = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "others-check");
        t.setDaemon(true);
        return t;
    });

    void run(int t, long end, long paceNanos) {
        List<String> mine = new ArrayList<>();
        for (int n = 1; n <= 200; n++) {
            if (n % threads == t) {
                mine.add(dept(n));
            }
        }
        int cursor = t;
        int[] rr = new int[Kind.values().length];
        while (System.nanoTime() < end) {
            long at = paced(paceNanos);
            if (at > end) {
                break;
            }
            long wait = at - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            } else if (wait < -20_000_000L) {
                late.increment();
            }
            boolean done = false;
            for (int k = 0; k < mix.length && !done; k++) {
                Kind kind = mix[(cursor + k) % mix.length];
                Work w = take(kind, mine, rr, t);
                if (w != null) {
                    write(kind, w);
                    done = true;
                }
            }
            cursor++;
            if (!done) {
                exhausted = true;
                detail("thread " + t + " ran out of work");
                return;
            }
        }
    }

    /** The next write's start, one every 1/rate s for all threads together. */
    final AtomicLong paceNext = new AtomicLong();

    /**
     * The time the next write should start. A write that could not start on time (every thread busy)
     * starts late, but no more than 50 ms of backlog is ever caught up in a burst: the achieved rate
     * then falls short of the target, and the report says so.
     */
    long paced(long paceNanos) {
        while (true) {
            long now = System.nanoTime();
            long n = paceNext.get();
            long t = Math.max(n, now - 50_000_000L);
            if (paceNext.compareAndSet(n, t + paceNanos)) {
                return t;
            }
        }
    }

    Work take(Kind kind, List<String> mine, int[] rr, int t) {
        if (kind == Kind.RATE) {
            return rates.get(t).poll();
        }
        Map<String, ArrayDeque<Work>> pool = kind == Kind.SIGN ? signs : answers;
        for (int i = 0; i < mine.size(); i++) {
            String org = mine.get(rr[kind.ordinal()]++ % mine.size());
            ArrayDeque<Work> q = pool.get(org);
            if (q != null && !q.isEmpty()) {
                return q.poll();
            }
        }
        return null;
    }

    void write(Kind kind, Work w) {
        int node = (int) (opCounter.getAndIncrement() % 2);
        int other = 1 - node;
        attempted.get(kind).increment();
        departmentsTouched.merge(w.org(), 1, Integer::sum);
        switch (kind) {
            case SIGN -> {
                Reply r = call("POST", node, "/api/v1/cases/" + w.caseId() + "/sign", handler(w.org()), null);
                if (r.status() != 200) {
                    error(kind, "write", r);
                    return;
                }
                done(kind, r);
                Reply v = call("GET", other, "/api/v1/matters/" + w.matterId(), handler(w.org()), null);
                if (v.status() != 200) {
                    error(kind, "check-read", v);
                    return;
                }
                checks.get(kind).increment();
                String status = caseStatus(v.body(), w.caseId());
                if (!"SIGNED".equals(status)) {
                    violations.get(kind).increment();
                    detail("RYW violation: case " + w.caseId() + " of " + w.org() + " signed on node " + node
                            + ", node " + other + " shows it " + status);
                }
            }
            case ANSWER -> {
                Long before = lastTotal.get(w.org());
                Reply r = call("POST", node, "/api/v1/cases/" + w.caseId() + "/answer", handler(w.org()),
                        ANSWER_BODY);
                if (r.status() != 200) {
                    error(kind, "write", r);
                    if (r.status() < 0) {
                        // Whether it happened is unknown: learn the total again rather than guess.
                        lastTotal.remove(w.org());
                    }
                    return;
                }
                done(kind, r);
                long got = inboxTotal(other, w.org(), kind);
                if (got < 0) {
                    lastTotal.remove(w.org());
                    return;
                }
                if (before != null) {
                    checks.get(kind).increment();
                    if (got != before - 1) {
                        violations.get(kind).increment();
                        detail("RYW violation: " + w.org() + " answered case " + w.caseId() + " on node " + node
                                + " after reading total " + before + "; node " + other + " shows " + got
                                + " (expected " + (before - 1) + ")");
                    }
                }
                lastTotal.put(w.org(), got);
                if (othersEvery > 0 && attempted.get(kind).sum() % othersEvery == 0) {
                    long answeredAt = System.nanoTime();
                    later.schedule(() -> othersCheck(other, w.org(), got, answeredAt), 1000, TimeUnit.MILLISECONDS);
                }
            }
            case RATE -> {
                String stats = "/api/v1/public/stats/matters" + (w.series().isEmpty() ? "" : "?series=" + w.series());
                Reply b = call("GET", other, stats, w.raiser(), null);
                if (b.status() != 200) {
                    error(kind, "check-read", b);
                    return;
                }
                long before = number(CLOSED, b.body());
                Reply r = call("POST", node, "/api/v1/matters/" + w.matterId() + "/evaluation", w.raiser(), RATE_BODY);
                if (r.status() != 200) {
                    error(kind, "write", r);
                    return;
                }
                done(kind, r);
                Reply a = call("GET", other, stats, w.raiser(), null);
                if (a.status() != 200) {
                    error(kind, "check-read", a);
                    return;
                }
                checks.get(kind).increment();
                long after = number(CLOSED, a.body());
                if (after < before + 1) {
                    violations.get(kind).increment();
                    detail("RYW violation: " + w.raiser() + " rated matter " + w.matterId() + " on node " + node
                            + " after reading closed=" + before + " on node " + other + "; it then shows closed=" + after);
                }
            }
        }
    }

    void done(Kind kind, Reply r) {
        succeeded.get(kind).increment();
        latencies.get(kind).add(r.nanos());
    }

    /** A colleague who never writes, a second after the answer: the inbox must show it by then. */
    void othersCheck(int node, String org, long expectedAtMost, long answeredAt) {
        Reply r = call("GET", node, "/api/v1/cases?size=10", colleague(org), null);
        if (r.status() != 200) {
            error(Kind.ANSWER, "others-read", r);
            return;
        }
        othersChecks.increment();
        long got = number(TOTAL, r.body());
        if (got > expectedAtMost) {
            othersStale.increment();
            detail("Stale for others: " + org + " colleague on node " + node + " reads total " + got + ", "
                    + (System.nanoTime() - answeredAt) / 1_000_000 + " ms after an answer that left " + expectedAtMost);
        }
    }

    static void sleepNanos(long n) {
        try {
            TimeUnit.NANOSECONDS.sleep(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String required : List.of("nodes", "prefix", "work")) {
            if (!a.containsKey(required)) {
                System.err.println("Usage: java bench/MatterWriter.java --nodes URL,URL --prefix TOKEN_PREFIX --work DIR"
                        + " [--rate W/S] [--duration S] [--threads N] [--mix SIGN:ANSWER:RATE] [--others-every N]"
                        + " [--ready FILE --go FILE [--go-timeout S]]");
                System.exit(2);
            }
        }
        MatterWriter w = new MatterWriter(a);
        w.load(Path.of(a.get("work")));
        PrintStream out = System.out;

        // What each department's handler reads first, on the node it will check on half the time.
        long workSign = w.signs.values().stream().mapToLong(ArrayDeque::size).sum();
        long workAnswer = w.answers.values().stream().mapToLong(ArrayDeque::size).sum();
        long workRate = w.rates.stream().mapToLong(ArrayDeque::size).sum();
        List<String> orgs = new ArrayList<>(w.answers.keySet());
        Collections.sort(orgs);
        var pool = Executors.newFixedThreadPool(w.threads);
        List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
        for (String org : orgs) {
            fs.add(pool.submit(() -> {
                long total = w.inboxTotal(deptNumber(org) % 2, org, Kind.ANSWER);
                if (total >= 0) {
                    w.lastTotal.put(org, total);
                }
            }));
        }
        for (var f : fs) {
            f.get();
        }
        if (a.containsKey("ready")) {
            Files.writeString(Path.of(a.get("ready")), "ready\n");
            Path go = Path.of(a.get("go"));
            long wait = Long.parseLong(a.getOrDefault("go-timeout", "3600"));
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(wait);
            while (!Files.exists(go)) {
                if (System.nanoTime() > giveUp) {
                    System.err.println("No go file after " + wait + " s");
                    System.exit(3);
                }
                Thread.sleep(10);
            }
        }
        long paceNanos = (long) (1e9 / Math.max(w.rate, 0.001));
        long start = System.nanoTime();
        long end = start + w.durationNanos;
        w.paceNext.set(start);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < w.threads; t++) {
            int tt = t;
            Thread th = new Thread(() -> w.run(tt, end, paceNanos), "writer-" + t);
            th.start();
            ts.add(th);
        }
        for (Thread th : ts) {
            th.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        // The last colleagues' checks are a second behind.
        w.later.shutdown();
        w.later.awaitTermination(5, TimeUnit.SECONDS);
        pool.shutdownNow();

        long ok = 0;
        long attempts = 0;
        long checks = 0;
        long violations = 0;
        for (Kind k : Kind.values()) {
            ok += w.succeeded.get(k).sum();
            attempts += w.attempted.get(k).sum();
            checks += w.checks.get(k).sum();
            violations += w.violations.get(k).sum();
        }
        out.printf("target_rate=%.1f%n", w.rate);
        out.printf("achieved_rate=%.1f%n", ok / elapsed);
        out.printf("elapsed_s=%.1f%n", elapsed);
        out.printf("writes_attempted=%d%n", attempts);
        out.printf("writes_ok=%d%n", ok);
        out.printf("late_starts=%d%n", w.late.sum());
        out.printf("departments=%d%n", w.departmentsTouched.size());
        out.printf("work_available=sign:%d,answer:%d,rate:%d%n", workSign, workAnswer, workRate);
        out.printf("exhausted=%s%n", w.exhausted);
        for (Kind k : Kind.values()) {
            List<Long> l = new ArrayList<>(w.latencies.get(k));
            Collections.sort(l);
            String n = k.name().toLowerCase();
            out.printf("%s_ok=%d%n", n, w.succeeded.get(k).sum());
            out.printf("%s_p50_ms=%.1f%n", n, percentile(l, 0.50));
            out.printf("%s_p99_ms=%.1f%n", n, percentile(l, 0.99));
            out.printf("%s_checks=%d%n", n, w.checks.get(k).sum());
            out.printf("%s_violations=%d%n", n, w.violations.get(k).sum());
        }
        out.printf("ryw_checks=%d%n", checks);
        out.printf("ryw_violations=%d%n", violations);
        out.printf("others_checks=%d%n", w.othersChecks.sum());
        out.printf("others_stale=%d%n", w.othersStale.sum());
        long errs = w.errors.values().stream().mapToLong(LongAdder::sum).sum();
        out.printf("errors=%d%n", errs);
        List<String> keys = new ArrayList<>(w.errors.keySet());
        Collections.sort(keys);
        for (String k : keys) {
            out.printf("error[%s]=%d%n", k, w.errors.get(k).sum());
        }
        for (String d : w.details) {
            out.println("# " + d);
        }
        out.flush();
        System.exit(0);
    }
}
