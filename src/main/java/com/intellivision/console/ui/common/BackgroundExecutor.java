package com.intellivision.console.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the calls that may block (the deployment's methods), so the FX thread never does. The
 * threads are daemons: a call stuck on a dead connection must not keep the program alive after the
 * window has closed.
 */
public final class BackgroundExecutor implements Executor, AutoCloseable {

    private static final int THREADS = 4;

    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, daemonThreads("console-background-"));

    @Override
    public void execute(Runnable task) {
        threads.execute(task);
    }

    /** Abandons queued work and interrupts running calls: only used once the window is gone. */
    @Override
    public void close() {
        threads.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String namePrefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, namePrefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
