import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where an app node spent its CPU during one benchmark run, from a JFR recording (bench/matters.sh
 * with BENCH_JFR=1 records each endpoint's run in round 1): of the execution samples (threads running
 * Java code), the share of each method on top of the stack (self), of each method anywhere on the
 * stack (total, counted once per sample), and of the first Civic Desk frame below the top (which of
 * the app's own code the time was spent under). Only the JDK:
 * {@code java bench/JfrTop.java recording.jfr [lines [from to]]}. A recording cut with JFR.dump
 * begin=... end=... holds whole chunks, so it may reach back to the node's start: with from and to
 * (instants, 2026-11-29T02:43:43.123Z) only the samples between them count.
 */
public class JfrTop {

    public static void main(String[] args) throws Exception {
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Instant from = args.length > 3 ? Instant.parse(args[2]) : Instant.MIN;
        Instant to = args.length > 3 ? Instant.parse(args[3]) : Instant.MAX;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> app = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> parts = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStartTime().isBefore(from)
                        || e.getStartTime().isAfter(to)) {
                    continue;
                }
                RecordedStackTrace st = e.getStackTrace();
                if (st == null || st.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = st.getFrames();
                self.merge(name(frames.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                String firstApp = "(no Civic Desk frame)";
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (seen.add(n)) {
                        total.merge(n, 1, Integer::sum);
                    }
                    if (firstApp.startsWith("(") && n.startsWith("org.civicdesk.")) {
                        firstApp = n;
                    }
                }
                app.merge(firstApp, 1, Integer::sum);
                Set<String> in = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    for (String[] part : PARTS) {
                        if (n.startsWith(part[1])) {
                            in.add(part[0]);
                        }
                    }
                }
                in.forEach(p -> parts.merge(p, 1, Integer::sum));
                String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "-N"), 1, Integer::sum);
            }
        }
        System.out.printf("%d execution samples%n", samples);
        print("Threads sampled", threads, samples, 10);
        print("Parts (samples with any frame of the part on the stack; a sample may count for several)", parts,
                samples, PARTS.length);
        print("Self (method on top of the stack)", self, samples, lines);
        print("Total (method anywhere on the stack)", total, samples, lines);
        print("First Civic Desk frame (the app's own code the time was spent under)", app, samples, lines);
    }

    /** What a sample spent its time in, told by the packages or methods on its stack. */
    static final String[][] PARTS = {
            { "JSON (Jackson)", "tools.jackson." }, { "JSON (Jackson 2)", "com.fasterxml.jackson." },
            { "PostgreSQL driver", "org.postgresql." }, { "connection pool (Hikari)", "com.zaxxer.hikari." },
            { "search index (Lucene)", "org.apache.lucene." },
            { "event publication (Spring Modulith)", "org.springframework.modulith." },
            { "transactions (Spring)", "org.springframework.transaction." },
            { "security filters (Spring Security)", "org.springframework.security." },
            { "metrics and observations (Micrometer)", "io.micrometer." }, { "logging (Logback)", "ch.qos.logback." },
            { "SHA-256 and other digests", "java.security.MessageDigest" },
            { "audit chain", "org.civicdesk.audit." }, { "matters: commands", "org.civicdesk.matters.internal.MatterCommands" },
            { "matters: queries", "org.civicdesk.matters.internal.MatterQueries" },
            { "matters: kept reads", "org.civicdesk.matters.internal.MatterReads" },
            { "token check", "org.civicdesk.platform.internal.ApiTokens" },
            { "notifications", "org.civicdesk.notifications." }, { "search module", "org.civicdesk.search." },
            { "HTTP server (Tomcat)", "org.apache.catalina." } };

    static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    static void print(String title, Map<String, Integer> counts, int samples, int lines) {
        System.out.printf("%n%s:%n", title);
        List<Map.Entry<String, Integer>> l = new ArrayList<>(counts.entrySet());
        l.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (int i = 0; i < Math.min(lines, l.size()); i++) {
            System.out.printf("%6.1f%%  %s%n", 100.0 * l.get(i).getValue() / Math.max(samples, 1), l.get(i).getKey());
        }
    }
}
