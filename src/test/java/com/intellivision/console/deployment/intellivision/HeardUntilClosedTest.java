package com.intellivision.console.deployment.intellivision;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.remote.RemoteException;
import com.intellivision.console.remote.ServeEventListener;
import com.intellivision.console.remote.ServerJob;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeardUntilClosedTest {

    /** Records the pools it is told of; the first one it hears blocks until let go. */
    private static final class SlowListener implements ServeEventListener {
        final List<Integer> pools = new CopyOnWriteArrayList<>();
        final CountDownLatch hearing = new CountDownLatch(1);
        final CountDownLatch letGo = new CountDownLatch(1);

        @Override
        public void pool(int workers, boolean paused) {
            hearing.countDown();
            try {
                letGo.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            pools.add(workers);
        }

        @Override public void opened() { }
        @Override public void job(ServerJob job) { }
        @Override public void progress(JobProgress progress) { }
        @Override public void worker(WorkerInfo worker) { }
        @Override public void memory(MemorySampled sample) { }
        @Override public void queue(QueueFigures figures) { }
        @Override public void resync() { }
        @Override public void ended(RemoteException why) { }
    }

    @Test
    void closingWaitsForTheEventBeingHeardAndDropsTheRest() throws Exception {
        SlowListener listener = new SlowListener();
        HeardUntilClosed guarded = new HeardUntilClosed(listener);
        Thread stream = new Thread(() -> {
            guarded.pool(3, false);
            guarded.pool(4, false);
        });
        stream.start();
        assertThat(listener.hearing.await(10, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(() -> {
            try {
                guarded.close(Duration.ofSeconds(10));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        closer.start();
        closer.join(300);
        assertThat(closer.isAlive()).as("close waits while an event is heard").isTrue();

        listener.letGo.countDown();
        closer.join(10_000);
        stream.join(10_000);
        assertThat(closer.isAlive()).isFalse();
        assertThat(listener.pools).containsExactly(3);
    }

    @Test
    void anEventThatOutlastsThePatienceIsReported() throws Exception {
        SlowListener listener = new SlowListener();
        HeardUntilClosed guarded = new HeardUntilClosed(listener);
        Thread stream = new Thread(() -> guarded.pool(3, false));
        stream.start();
        assertThat(listener.hearing.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(guarded.close(Duration.ofMillis(50))).isFalse();
        listener.letGo.countDown();
        stream.join(10_000);
        assertThat(guarded.close(Duration.ofMillis(50))).isTrue();
    }
}
