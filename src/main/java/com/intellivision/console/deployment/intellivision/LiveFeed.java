package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.deployment.EventFanout;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.PoolChanged;
import com.intellivision.console.job.EngineEvent.QueueChanged;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.MemoryHistory;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.remote.RemoteException;
import com.intellivision.console.remote.ServeApi;
import com.intellivision.console.remote.ServeEventListener;
import com.intellivision.console.remote.ServerJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serve's events, heard live and kept: its jobs go through the {@link JobPoller} (so they are stored
 * and reported as polled ones are), its workers, their memory over the last hour, the queue's figures
 * and the pool's size are kept here. On connecting it reads the workers' memory and the whole job list,
 * so nothing said while it was away is missed; when the stream breaks it connects again, waiting longer
 * after each failure, and the poller asks in the meantime.
 */
final class LiveFeed implements ServeEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    static final Duration FIRST_RECONNECT = Duration.ofSeconds(1);
    static final Duration MAX_RECONNECT = Duration.ofSeconds(30);

    private final String name;
    private final ServeApi api;
    private final JobPoller poller;
    private final ConnectionHealth health;
    private final EventFanout events;
    private final ScheduledExecutorService schedule;
    private final LiveFrameCopies liveFrames;
    private final HeardUntilClosed heard;
    private final MemoryHistory memory = new MemoryHistory(MemoryHistory.HOUR_OF_SECONDS);
    private final Map<String, WorkerInfo> workers = new ConcurrentHashMap<>();
    private final Map<String, Instant> latestSample = new ConcurrentHashMap<>();
    private volatile boolean live;
    private volatile boolean closed;
    private volatile QueueFigures figures;
    private volatile int poolSize;
    private volatile boolean paused;
    private AutoCloseable stream;
    private int failuresInARow;

    LiveFeed(String name, ServeApi api, JobPoller poller, ConnectionHealth health, EventFanout events, ScheduledExecutorService schedule,
            LiveFrameCopies liveFrames) {
        this.name = name;
        this.liveFrames = liveFrames;
        this.api = api;
        this.poller = poller;
        this.health = health;
        this.events = events;
        this.schedule = schedule;
        this.heard = new HeardUntilClosed(this);
    }

    /** Starts listening; returns at once. */
    synchronized void connect() {
        if (!closed) {
            stream = api.listen(heard);
        }
    }

    /** Whether every change is being heard now, so asking is not needed. */
    boolean isLive() {
        return live;
    }

    /** The queue's figures as the serve last told them; null before it has. */
    QueueFigures figures() {
        return live ? figures : null;
    }

    boolean isPaused() {
        return paused;
    }

    int poolSize() {
        return poolSize;
    }

    List<WorkerInfo> workers() {
        return workers.values().stream().sorted(Comparator.comparing(WorkerInfo::id, WorkerInfo.NAME_ORDER)).toList();
    }

    List<MemorySampled> memoryHistory(String workerId) {
        return memory.of(workerId);
    }

    /** Called on the stream's thread before any event: reads what the events will only tell the changes of. */
    @Override
    public void opened() {
        try {
            List<ServeApi.Worker> listed = api.workers();
            workers.keySet().removeIf(id -> listed.stream().noneMatch(worker -> worker.info().id().equals(id)));
            for (ServeApi.Worker worker : listed) {
                String id = worker.info().id();
                memory.forget(id);
                worker.memory().forEach(memory::add);
                latestSample.put(id, worker.memory().isEmpty() ? Instant.MIN : worker.memory().get(worker.memory().size() - 1).at());
                workers.put(id, worker.info());
                events.publish(new WorkerChanged(worker.info()));
            }
        } catch (RemoteException failure) {
            LOG.info("{}: its workers could not be read on connecting: {}", name, failure.getMessage());
        }
        poller.listNow();
        synchronized (this) {
            failuresInARow = 0;
        }
        live = true;
        health.succeeded();
    }

    @Override
    public void job(ServerJob server) {
        poller.heard(server);
        if (server.job().status() != JobStatus.PROCESSING) {
            liveFrames.ended(server.job().id());
        }
    }

    @Override
    public void progress(JobProgress progress) {
        liveFrames.heard(progress);
    }

    @Override
    public void worker(WorkerInfo worker) {
        workers.put(worker.id(), worker);
        events.publish(new WorkerChanged(worker));
        if (worker.state() == WorkerState.DEAD) {
            // A dead worker is restarted, unless the pool shrank: then the serve lists it no more.
            runLater(this::dropRetiredWorkers);
        }
    }

    private void dropRetiredWorkers() {
        try {
            List<ServeApi.Worker> listed = api.workers();
            workers.keySet().removeIf(id -> listed.stream().noneMatch(worker -> worker.info().id().equals(id)));
        } catch (RemoteException failure) {
            LOG.debug("{}: its workers could not be read: {}", name, failure.getMessage());
        }
    }

    private void runLater(Runnable task) {
        try {
            schedule.execute(task);
        } catch (RejectedExecutionException closing) {
            // The deployment is closing.
        }
    }

    @Override
    public void memory(MemorySampled sample) {
        Instant latest = latestSample.get(sample.workerId());
        if (latest != null && !sample.at().isAfter(latest)) {
            return;
        }
        latestSample.put(sample.workerId(), sample.at());
        memory.add(sample);
        workers.computeIfPresent(sample.workerId(), (id, worker) -> new WorkerInfo(id, worker.pid(), worker.state(), worker.jobId(),
                worker.activeJobs(), worker.processes(), sample.rssBytes(), Math.max(worker.peakRssBytes(), sample.rssBytes())));
        events.publish(sample);
    }

    @Override
    public void queue(QueueFigures figures) {
        this.figures = figures;
        events.publish(new QueueChanged(figures));
    }

    @Override
    public void pool(int workers, boolean paused) {
        this.poolSize = workers;
        this.paused = paused;
        events.publish(new PoolChanged(workers, paused));
    }

    @Override
    public void resync() {
        LOG.info("{} dropped events this console read too slowly; reading its jobs afresh", name);
    }

    @Override
    public void ended(RemoteException why) {
        live = false;
        if (closed) {
            return;
        }
        Duration wait;
        synchronized (this) {
            failuresInARow++;
            Duration growing = FIRST_RECONNECT.multipliedBy(1L << Math.min(failuresInARow - 1, 5));
            wait = growing.compareTo(MAX_RECONNECT) > 0 ? MAX_RECONNECT : growing;
        }
        if (failuresInARow > 1 || why.kind() != RemoteException.Kind.UNREACHABLE) {
            // A stream that breaks once and reconnects at once is no news; one that keeps failing is.
            health.failed(why);
        }
        try {
            schedule.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // The deployment is closing.
        }
    }

    /** Stops listening, and waits for an event being heard to end: nothing is heard after. */
    void close() {
        synchronized (this) {
            closed = true;
            live = false;
            if (stream != null) {
                try {
                    stream.close();
                } catch (Exception unexpected) {
                    LOG.debug("closing the event stream of {} failed", name, unexpected);
                }
            }
        }
        try {
            if (!heard.close(HttpDeployment.ROUND_END)) {
                LOG.warn("{} was still hearing an event {} s after it was closed", name, HttpDeployment.ROUND_END.toSeconds());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
