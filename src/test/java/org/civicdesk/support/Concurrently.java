package org.civicdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Fires many requests at the same moment, as a crowd at the opening of a call or a meeting would. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs every request from 16 threads released together and returns the HTTP statuses in order. */
    public static List<Integer> statuses(List<Callable<Integer>> requests) throws Exception {
        return all(requests);
    }

    /** Runs every call from 16 threads released together and returns what each returned, in order. */
    public static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> answers = new ArrayList<>();
        for (Callable<T> call : calls) {
            answers.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        List<T> results = new ArrayList<>();
        for (Future<T> answer : answers) {
            results.add(answer.get());
        }
        return results;
    }
}
