package io.mixbench.plan.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one step for each of a render's parts on the machine's cores and waits for all: the parts of a block are
 * independent (each its own file, filters and writer), and the next block starts only when every part has its step
 * done, which also hands each part's state from one thread to the next. One lane runs the steps in the caller's
 * thread.
 */
final class Lanes implements AutoCloseable {

    /** One part's step. */
    @FunctionalInterface
    interface Step {
        void run(int part) throws IOException;
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService threads;

    Lanes(int lanes) {
        threads = lanes <= 1 ? null : Executors.newFixedThreadPool(lanes, r -> {
            Thread t = new Thread(r, "mixbench-render-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code step} for parts 0 .. {@code parts - 1} and returns when all are done; rethrows the first failure. */
    void run(int parts, Step step) throws IOException {
        if (threads == null) {
            for (int p = 0; p < parts; p++) {
                step.run(p);
            }
            return;
        }
        List<Callable<Void>> tasks = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int part = p;
            tasks.add(() -> {
                step.run(part);
                return null;
            });
        }
        try {
            for (Future<Void> done : threads.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the render was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    @Override
    public void close() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
