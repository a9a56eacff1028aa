package com.intellivision.console.pool;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The one thread the engine keeps its state on: calls from outside are handed to it and waited for,
 * reports from worker threads and timers are queued onto it. So the engine needs no locks.
 */
final class EngineLoop {

    private final ExecutorService executor;
    private volatile Thread thread;

    EngineLoop() {
        executor = Executors.newSingleThreadExecutor(task -> {
            Thread loop = new Thread(task, "engine-loop");
            loop.setDaemon(true);
            thread = loop;
            return loop;
        });
    }

    /** Runs {@code task} on the loop and waits for its answer; on the loop itself, runs it at once. */
    <T> T call(Callable<T> task) {
        try {
            if (Thread.currentThread() == thread) {
                return task.call();
            }
            return executor.submit(task).get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", interrupted);
        } catch (RuntimeException unchecked) {
            throw unchecked;
        } catch (Exception checked) {
            throw new IllegalStateException(checked);
        }
    }

    /** Queues {@code task} on the loop; once the engine has closed, a late report changes nothing and is dropped. */
    void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closed) {
            // The engine has closed.
        }
    }

    boolean isShutdown() {
        return executor.isShutdown();
    }

    void shutdown() {
        executor.shutdown();
    }
}
