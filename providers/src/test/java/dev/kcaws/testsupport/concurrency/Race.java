package dev.kcaws.testsupport.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs n calls on n threads that wait at one barrier and then go at once, so they overlap as
 * closely as the machine allows; returns each call's result in call order. A call that throws
 * fails the race with that exception.
 */
public final class Race {

    private Race() {
    }

    public static <T> List<T> run(int n, IntFunction<T> call) {
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    return call.apply(index);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(300, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("a racing call failed: " + e, e);
        } finally {
            threads.shutdownNow();
        }
    }
}
