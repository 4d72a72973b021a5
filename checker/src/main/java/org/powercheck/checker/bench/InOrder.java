package org.powercheck.checker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs work items on a pool of threads and hands the results to a sink in input order, each as
 * soon as it and all before it are done, so reports stream out in a stable order.
 */
public final class InOrder {
    /** Engines recurse over relation trees and long programs; give workers room. */
    private static final long WORKER_STACK_BYTES = 64L << 20;

    private InOrder() {}

    public static <T, R> void run(List<T> items, Function<T, R> work, Consumer<R> sink, int jobs) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs), workers());
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) futures.add(pool.submit(() -> work.apply(item)));
            for (Future<R> f : futures) sink.accept(await(f));
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) throw re;
                    if (cause instanceof Error err) throw err;
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory workers() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, "powercheck-worker-" + count.incrementAndGet(), WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }
}
