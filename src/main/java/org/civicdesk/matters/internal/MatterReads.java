package org.civicdesk.matters.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.civicdesk.directory.Directory;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.LastChange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps, on this node, the reads that many people repeat and few changes move — a department's
 * inbox, the supervision board, the public statistics — under three rules, so that nobody is shown
 * a state older than their own last change:
 * <ol>
 * <li><b>On this node, at once.</b> Every committed change of a matter moves an epoch: the board's
 * and the statistics' always, an inbox's when the change touched that department's cases. What was
 * read before the change was read at the old epoch and is not used again.</li>
 * <li><b>On other nodes, within {@code civicdesk.matters.read-staleness}.</b> Nothing kept is used
 * once that old, counted from when its read began; other nodes hear of no change in between.</li>
 * <li><b>Whoever changed something, at once, on every node.</b> Each change marks the person who made
 * it ({@link Directory#noteChange}); a person with a mark younger than the staleness plus the clock
 * skew between nodes reads from the database, on whichever node their next request lands. An API
 * request's token check reads the mark in its own statement, so a kept read costs no statement.</li>
 * </ol>
 * Keys are bounded: departments and days come from the signed-in reader or from the data, the
 * statistics of every series are one entry per day, and each cache has a maximum size.
 */
@Component
class MatterReads {

    private final Directory directory;
    private final Clock clock;
    private final MattersSettings settings;
    private final JsonMapper json;
    private final LongSupplier nanoTime;
    private final AtomicLong epoch = new AtomicLong();
    /** Per department with cases; read as 0 until its first change on this node. */
    private final Map<String, AtomicLong> orgEpochs = new ConcurrentHashMap<>();
    private final Cache<Object, Kept<?>> kept;

    @Autowired
    MatterReads(Directory directory, Clock clock, MattersSettings settings, JsonMapper json) {
        this(directory, clock, settings, json, System::nanoTime);
    }

    MatterReads(Directory directory, Clock clock, MattersSettings settings, JsonMapper json, LongSupplier nanoTime) {
        this.directory = directory;
        this.clock = clock;
        this.settings = settings;
        this.json = json;
        this.nanoTime = nanoTime;
        this.kept = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(settings.readStaleness()).build();
    }

    /** A read as kept, with its JSON as the API sends it, written once. */
    static final class Kept<T> {

        private final T value;
        private final long epoch;
        private final long readFrom;
        private final JsonMapper json;
        private volatile byte[] bytes;

        Kept(T value, long epoch, long readFrom, JsonMapper json) {
            this.value = value;
            this.epoch = epoch;
            this.readFrom = readFrom;
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

    /**
     * The read for {@code key}, kept if it is still good for this reader, else read anew by {@code read}.
     * {@code department} is the one department the read depends on, or null for reads of the whole city.
     */
    @SuppressWarnings("unchecked")
    <T> Kept<T> get(Object key, String department, Supplier<T> read) {
        long now = epochOf(department);
        Kept<?> found = kept.getIfPresent(key);
        if (good(found, now)) {
            // Only a read that would be served from memory needs to know whether its reader changed
            // something lately: any other is read from the database anyway.
            return readsFresh() ? load(key, now, read) : (Kept<T>) found;
        }
        Object[] ours = new Object[1];
        Kept<?> got = kept.asMap().compute(key, (k, old) -> good(old, now) ? old : (Kept<?>) (ours[0] = read(now, read)));
        // Another request's read may have begun before this reader's own change and finished while
        // this one waited for it: it is good for others, not for the one who made the change.
        if (got != ours[0] && readsFresh()) {
            return load(key, now, read);
        }
        return (Kept<T>) got;
    }

    private <T> Kept<T> load(Object key, long now, Supplier<T> read) {
        Kept<T> fresh = read(now, read);
        kept.asMap().merge(key, fresh, (old, newer) -> good(old, now) && old.readFrom - newer.readFrom > 0 ? old
                : newer);
        return fresh;
    }

    private <T> Kept<T> read(long epochAtStart, Supplier<T> read) {
        long from = nanoTime.getAsLong();
        return new Kept<>(read.get(), epochAtStart, from, json);
    }

    /** Read at the current epoch (so after every change this node committed) and recently enough. */
    private boolean good(Kept<?> k, long now) {
        return k != null && k.epoch == now && nanoTime.getAsLong() - k.readFrom < settings.readStaleness().toNanos();
    }

    private long epochOf(String department) {
        if (department == null) {
            return epoch.get();
        }
        AtomicLong e = orgEpochs.get(department);
        return e == null ? 0 : e.get();
    }

    /** After a change committed on this node: what it touched is read anew here. */
    void changed(Collection<String> departments) {
        departments.forEach(d -> orgEpochs.computeIfAbsent(d, x -> new AtomicLong()).incrementAndGet());
        epoch.incrementAndGet();
    }

    // --- read-your-writes across nodes

    /** Marks, in the change's transaction, that the actor has just changed matters. */
    void wrote(Actor actor) {
        if (actor.accountId() > 0) {
            directory.noteChange(actor.accountId());
        }
    }

    private static final String FRESH = MatterReads.class.getName() + ".fresh";

    /**
     * Whether the reader changed something so recently that what any node keeps may not show it yet.
     * An API request knows from its token check; a page request asks the directory, once.
     */
    boolean readsFresh() {
        Actor actor = Actor.current().orElse(null);
        if (actor == null || actor.accountId() <= 0) {
            return false;
        }
        Instant since = clock.instant().minus(settings.readStaleness()).minus(settings.clockSkew());
        Optional<LastChange> read = Actor.lastChangeRead();
        if (read.isPresent()) {
            return read.get().since(since);
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object known = request == null ? null : request.getAttribute(FRESH, RequestAttributes.SCOPE_REQUEST);
        if (known instanceof Boolean b) {
            return b;
        }
        boolean fresh = directory.lastChange(actor.accountId()).since(since);
        if (request != null) {
            request.setAttribute(FRESH, fresh, RequestAttributes.SCOPE_REQUEST);
        }
        return fresh;
    }
}
