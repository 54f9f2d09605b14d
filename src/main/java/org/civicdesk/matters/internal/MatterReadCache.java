package org.civicdesk.matters.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.civicdesk.shared.Changes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps, on this node, what the inbox and the supervision board last read, for as long as no matter
 * has changed: every transaction that changes a matter or its cases marks the topic "matters" changed
 * ({@link Changes}, through {@link MatterTallies}). An answer is used only if it was read at the
 * topic's current version or a later one, on the same day. On the node that made a change the
 * version moves before the request that made it returns, so that request's next read is fresh; on the
 * other nodes it moves when PostgreSQL delivers the change's notice, within milliseconds of the commit.
 * An answer is also read anew once it is a minute old, because the working-day calendar that it counts
 * days left with is itself a snapshot of up to a minute. Each answer keeps its JSON too, written once:
 * for the board that is most of the work of a request.
 */
@Component
class MatterReadCache {

    private static final Duration MAX_AGE = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 1000;

    private final Changes changes;
    private final JsonMapper json;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Autowired
    MatterReadCache(Changes changes, JsonMapper json) {
        this(changes, json, System::nanoTime);
    }

    MatterReadCache(Changes changes, JsonMapper json, LongSupplier nanoTime) {
        this.changes = changes;
        this.json = json;
        this.nanoTime = nanoTime;
    }

    /** An answer as read, and its JSON as the API sends it, written once. */
    static final class Cached<T> {

        private final T value;
        private final JsonMapper json;
        private volatile byte[] bytes;

        Cached(T value, JsonMapper json) {
            this.value = value;
            this.json = json;
        }

        T value() {
            return value;
        }

        byte[] json() {
            byte[] b = bytes;
            if (b == null) {
                b = json.writeValueAsBytes(value);
                bytes = b;
            }
            return b;
        }
    }

    private record Entry(long version, LocalDate day, long readAt, Cached<?> value) {
    }

    /** The answer for {@code key} on {@code day}: kept if no matter changed since, else read by {@code read}. */
    @SuppressWarnings("unchecked")
    <T> Cached<T> get(String key, LocalDate day, Supplier<T> read) {
        long version = version();
        Entry entry = entries.get(key);
        if (fresh(entry, version, day)) {
            return (Cached<T>) entry.value();
        }
        // Read without holding anything: if the version cannot be trusted (a node that is not listening
        // gives a new one on every call), requests must not queue behind each other for nothing.
        long readAt = nanoTime.getAsLong();
        Cached<T> value = new Cached<>(read.get(), json);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        // Of two answers read at once, keep the one read at the later version.
        entries.merge(key, new Entry(version, day, readAt, value),
                (old, fresh) -> old.version() > fresh.version() ? old : fresh);
        return value;
    }

    long version() {
        return changes.version(MatterTallies.MATTERS);
    }

    /**
     * Read at the request's count or later (a later one saw at least as much), on its day, and recently
     * enough for the calendar.
     */
    private boolean fresh(Entry entry, long version, LocalDate day) {
        return entry != null && entry.version() >= version && entry.day().equals(day)
                && nanoTime.getAsLong() - entry.readAt() < MAX_AGE.toNanos();
    }
}
