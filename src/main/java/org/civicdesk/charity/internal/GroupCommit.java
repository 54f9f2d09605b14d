package org.civicdesk.charity.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit (成组提交): the requests that arrive while a batch is being written wait in a bounded
 * queue, and one writer thread writes them, up to {@code maxBatch} at a time, in one transaction:
 * one connection borrowed, one commit and one flush to disk for all of them. The window is the
 * previous batch's write, so an idle node writes a lone request at once and a busy one writes in
 * larger batches, with no timer. Each caller waits for its own answer, given only once its batch has
 * committed; if the batch fails, every request in it is answered with {@code unavailable} and nothing
 * of it is kept, so each may be sent again. A full queue, or a node shutting down, refuses a request
 * at once with {@code unavailable}; on shutdown what is already queued is written first.
 *
 * @param <Q> a request, checked before it joins a batch
 * @param <A> its answer, which may be a refusal of that request alone
 */
final class GroupCommit<Q, A> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private static final class Waiting<Q, A> {
        final Q request;
        final CompletableFuture<A> answer = new CompletableFuture<>();

        Waiting(Q request) {
            this.request = request;
        }
    }

    private final BlockingQueue<Waiting<Q, A>> queue;
    private final Waiting<Q, A> stop = new Waiting<>(null);
    private final int maxBatch;
    private final int capacity;
    private final TransactionTemplate tx;
    private final Function<List<Q>, List<A>> write;
    private final Supplier<RuntimeException> unavailable;
    private final Thread writer;
    private final Object gate = new Object();
    private boolean closed;

    /**
     * @param write writes a batch inside the transaction and answers each request, in order
     */
    GroupCommit(String name, int maxBatch, int capacity, TransactionTemplate tx, Function<List<Q>, List<A>> write,
            Supplier<RuntimeException> unavailable) {
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
        this.maxBatch = maxBatch;
        this.capacity = capacity;
        this.tx = tx;
        this.write = write;
        this.unavailable = unavailable;
        this.writer = new Thread(this::run, name);
        // A writer stuck in the database past shutdown must not keep the JVM alive; the requests it has
        // not taken yet are answered by close().
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues the request and waits until its batch has committed or failed. */
    A submit(Q request) {
        Waiting<Q, A> waiting = new Waiting<>(request);
        synchronized (gate) {
            // The queue holds one place more than its capacity, kept for the stop mark.
            if (closed || queue.size() >= capacity || !queue.offer(waiting)) {
                throw unavailable.get();
            }
        }
        try {
            // Unbounded: the writer answers every request it takes, and close() every one it leaves.
            return waiting.answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException refusal ? refusal : unavailable.get();
        }
    }

    /** How many requests wait for the writer now. */
    int waiting() {
        return queue.size();
    }

    private void run() {
        List<Waiting<Q, A>> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            batch.remove(stop);
            if (!batch.isEmpty()) {
                write(batch);
                batch.clear();
            }
            synchronized (gate) {
                if (closed && queue.isEmpty()) {
                    return;
                }
            }
        }
    }

    private void write(List<Waiting<Q, A>> batch) {
        List<Q> requests = batch.stream().map(w -> w.request).toList();
        List<A> answers;
        try {
            answers = tx.execute(status -> write.apply(requests));
        } catch (RuntimeException | Error e) {
            // Caught whatever it is: the writer must go on, or every later request would wait forever.
            log.warn("A batch of {} could not be written; each is answered as unavailable", batch.size(), e);
            batch.forEach(w -> w.answer.completeExceptionally(unavailable.get()));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer.complete(answers.get(i));
        }
    }

    /**
     * Refuses new requests, lets the writer finish what is queued (waiting at most {@code wait}), and
     * answers as unavailable whatever it could not take.
     */
    void close(Duration wait) {
        synchronized (gate) {
            closed = true;
            queue.offer(stop);
        }
        try {
            writer.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Waiting<Q, A>> left = new ArrayList<>();
        queue.drainTo(left);
        left.stream().filter(w -> w != stop).forEach(w -> w.answer.completeExceptionally(unavailable.get()));
    }
}
