package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.remote.RemoteException;
import com.intellivision.console.remote.ServeEventListener;
import com.intellivision.console.remote.ServerJob;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Passes a serve's events on until it is closed, and closing waits for the one being heard to end. The
 * stream's thread is OkHttp's, not the deployment's, so without this an event heard as the deployment
 * closes could still write to its store or its image folder after they were closed.
 */
final class HeardUntilClosed implements ServeEventListener {

    private final ServeEventListener listener;
    private final ReentrantLock hearing = new ReentrantLock();
    private volatile boolean closed;

    HeardUntilClosed(ServeEventListener listener) {
        this.listener = listener;
    }

    /** Nothing is passed on after this returns, unless an event outlasted {@code patience}; returns whether none did. */
    boolean close(Duration patience) throws InterruptedException {
        closed = true;
        if (!hearing.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        hearing.unlock();
        return true;
    }

    private void pass(Consumer<ServeEventListener> event) {
        hearing.lock();
        try {
            if (!closed) {
                event.accept(listener);
            }
        } finally {
            hearing.unlock();
        }
    }

    @Override
    public void opened() {
        pass(ServeEventListener::opened);
    }

    @Override
    public void job(ServerJob job) {
        pass(heard -> heard.job(job));
    }

    @Override
    public void progress(JobProgress progress) {
        pass(heard -> heard.progress(progress));
    }

    @Override
    public void worker(WorkerInfo worker) {
        pass(heard -> heard.worker(worker));
    }

    @Override
    public void memory(MemorySampled sample) {
        pass(heard -> heard.memory(sample));
    }

    @Override
    public void queue(QueueFigures figures) {
        pass(heard -> heard.queue(figures));
    }

    @Override
    public void pool(int workers, boolean paused) {
        pass(heard -> heard.pool(workers, paused));
    }

    @Override
    public void resync() {
        pass(ServeEventListener::resync);
    }

    @Override
    public void ended(RemoteException why) {
        pass(heard -> heard.ended(why));
    }
}
