package com.intellivision.console.server;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.QueueChanged;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.QueueFigures;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code GET /metrics} serves: the pool's figures in Prometheus' text format, kept current from
 * the engine's events. Events come on the engine's thread and scrapes on the server's, so every figure
 * is safe to read while it changes.
 */
public final class ServeMetrics implements Consumer<EngineEvent> {

    /** The content type of {@link #scrape()}'s text: Prometheus' text format 0.0.4. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    /** Its own registry, not the global one, so that two serves (or tests) in one JVM do not share figures. */
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Gauge queueDepth;
    private final JobMetrics jobs;
    private final WorkerMemoryMetrics memory;

    public ServeMetrics() {
        queueDepth = Gauge.builder()
                .name("intellivision_queue_depth")
                .help("Jobs pending: waiting for a worker, as the queue's figures last said.")
                .register(registry);
        jobs = new JobMetrics(registry);
        memory = new WorkerMemoryMetrics(registry);
    }

    /**
     * Starts from what the deployment holds now: its recent jobs and its queue's figures. Call it
     * after subscribing, so that nothing is missed; news older than what events already told is ignored.
     */
    public void seed(List<Job> recentJobs, QueueFigures figures) {
        recentJobs.forEach(jobs::seed);
        queueDepth.set(figures.pending());
    }

    @Override
    public void accept(EngineEvent event) {
        if (event instanceof JobChanged changed) {
            jobs.changed(changed.job());
        } else if (event instanceof QueueChanged queue) {
            queueDepth.set(queue.figures().pending());
        } else if (event instanceof MemorySampled sample) {
            memory.sampled(sample);
        } else if (event instanceof WorkerChanged worker) {
            memory.workerChanged(worker.worker());
        }
    }

    /** Writes every metric in the text format of {@link #CONTENT_TYPE}. */
    public void writeTo(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }

    /** Every metric as text in the format of {@link #CONTENT_TYPE}. */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException notFromMemory) {
            throw new UncheckedIOException(notFromMemory);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
