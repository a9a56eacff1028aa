package com.intellivision.console.server;

import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Each live worker's resident memory; a dead worker's series goes, so a graph does not hold its last reading. */
final class WorkerMemoryMetrics {

    private final Gauge rss;
    /** Workers last reported dead: a sample that was under way when one died must not bring its series back. */
    private final Set<String> dead = ConcurrentHashMap.newKeySet();

    WorkerMemoryMetrics(PrometheusRegistry registry) {
        rss = Gauge.builder()
                .name("intellivision_worker_rss_bytes")
                .help("Resident memory of each worker process at its last sample.")
                .labelNames("worker")
                .register(registry);
    }

    void sampled(MemorySampled sample) {
        if (!dead.contains(sample.workerId())) {
            rss.labelValues(sample.workerId()).set(sample.rssBytes());
        }
    }

    /** A dead worker's series is removed; one that comes back (a restart under the same id) is sampled again. */
    void workerChanged(WorkerInfo worker) {
        if (worker.state() == WorkerState.DEAD) {
            dead.add(worker.id());
            rss.remove(worker.id());
        } else {
            dead.remove(worker.id());
        }
    }
}
