package com.intellivision.console.ui.common;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a blocking call in the background and hands its outcome to the UI thread. View models take one
 * of these rather than threads of their own, so a test can pass same-thread executors and check every
 * step without waiting.
 */
public final class TaskRunner {

    private final Executor background;
    private final Executor uiThread;

    public TaskRunner(Executor background, Executor uiThread) {
        this.background = background;
        this.uiThread = uiThread;
    }

    /** Runs {@code work} in the background, then exactly one of the callbacks on the UI thread. */
    public <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onFailure) {
        background.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException failure) {
                uiThread.execute(() -> onFailure.accept(failure));
                return;
            }
            uiThread.execute(() -> onSuccess.accept(result));
        });
    }

    /** Like {@link #run}, for a call that answers nothing. */
    public void perform(Runnable work, Runnable onSuccess, Consumer<RuntimeException> onFailure) {
        run(() -> {
            work.run();
            return null;
        }, nothing -> onSuccess.run(), onFailure);
    }

    public Executor uiThread() {
        return uiThread;
    }
}
