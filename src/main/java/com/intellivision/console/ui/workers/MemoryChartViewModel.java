package com.intellivision.console.ui.workers;

import com.intellivision.console.deployment.WorkerMemoryLimits;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.ui.common.JobKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Resident memory per worker over time, with the jobs each one ran and the moments its process was
 * replaced, as plain data the view hands to the chart: one {@link Frame} per batch of events.
 *
 * <p>Samples arrive once a second per worker and a day of them is kept. The 5 and 15 minute windows
 * draw every sample; the hour and "All" draw at most {@link #MAX_POINTS} per worker, one per time
 * bucket at the bucket's peak, so spikes stay visible and sixteen workers over a day stay smooth
 * (buckets of ten seconds or more are made from each worker's peaks per ten seconds, kept as samples come).
 */
public final class MemoryChartViewModel {

    /** How far back the chart looks. */
    public enum Window {
        FIVE_MINUTES(Duration.ofMinutes(5), false),
        FIFTEEN_MINUTES(Duration.ofMinutes(15), false),
        ONE_HOUR(Duration.ofHours(1), true),
        /** Everything kept, from the oldest sample of a worker shown. */
        ALL(KEPT, true);

        private final Duration length;
        private final boolean bucketed;

        Window(Duration length, boolean bucketed) {
            this.length = length;
            this.bucketed = bucketed;
        }

        /** The longest it shows. */
        public Duration length() {
            return length;
        }
    }

    /**
     * What the chart shows: the x axis from {@code fromSeconds} to {@code toSeconds} (epoch seconds), the
     * lines by worker, the jobs' bands, the replaced processes' markers, and the limits, or null.
     */
    public record Frame(List<WorkerLine> lines, List<JobBand> bands, List<WorkerMarker> markers, double fromSeconds, double toSeconds,
            WorkerMemoryLimits limits) {

        static final Frame EMPTY = new Frame(List.of(), List.of(), List.of(), 0, 1, null);

        public WorkerLine line(String workerId) {
            return lines.stream().filter(line -> line.workerId().equals(workerId)).findFirst().orElse(null);
        }
    }

    static final int MAX_POINTS = 720;
    /** Samples kept per worker: a day at one a second. */
    static final Duration KEPT = Duration.ofHours(24);
    private static final double MIB = 1024 * 1024;

    private final Clock clock;
    /** Every deployment's lines and timeline; only the shown deployment's are drawn. */
    private final Map<String, DeploymentChart> deployments = new HashMap<>();
    private final ObjectProperty<Window> window = new SimpleObjectProperty<>(Window.FIFTEEN_MINUTES);
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>(Frame.EMPTY);
    private Consumer<JobKey> jobChooser = key -> {};
    private String shown;
    private boolean stale;

    /** One deployment's kept samples per worker, by worker name, and what its workers did. */
    private static final class DeploymentChart {
        final Map<String, WorkerMemorySeries> series = new TreeMap<>(WorkerInfo.NAME_ORDER);
        final WorkerTimeline timeline = new WorkerTimeline();
        WorkerMemoryLimits limits;
    }

    MemoryChartViewModel(Clock clock) {
        this.clock = clock;
        window.addListener((property, before, after) -> {
            if (after == null) {
                window.set(before);
                return;
            }
            redraw();
        });
    }

    /** Draws another deployment. */
    void show(String deploymentId) {
        shown = deploymentId;
        redraw();
    }

    /** A new sample: added to its worker's line, drawn with the batch it came in. */
    void add(String deploymentId, MemorySampled sample) {
        of(deploymentId).series.computeIfAbsent(sample.workerId(), id -> new WorkerMemorySeries()).add(seconds(sample), sample.rssBytes() / MIB);
        changed(deploymentId);
    }

    /** The samples a worker had before the window opened, oldest first; samples already shown win. */
    void fill(String deploymentId, String workerId, List<MemorySampled> history) {
        if (history.isEmpty()) {
            return;
        }
        double[] at = new double[history.size()];
        double[] mib = new double[history.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = seconds(history.get(i));
            mib[i] = history.get(i).rssBytes() / MIB;
        }
        of(deploymentId).series.computeIfAbsent(workerId, id -> new WorkerMemorySeries()).prepend(at, mib);
        if (deploymentId.equals(shown)) {
            redraw();
        }
    }

    /** A job changed, which may end its band. */
    void job(String deploymentId, Job job) {
        of(deploymentId).timeline.job(job, now());
        changed(deploymentId);
    }

    /** A worker changed: it took or left a job, or its process was replaced. */
    void worker(String deploymentId, WorkerInfo worker, long latestRssBytes) {
        DeploymentChart chart = of(deploymentId);
        chart.timeline.worker(worker, now(), chart.limits, latestRssBytes);
        changed(deploymentId);
    }

    /** The deployment's memory limits, drawn as lines; null for none. */
    void limits(String deploymentId, WorkerMemoryLimits limits) {
        of(deploymentId).limits = limits;
        changed(deploymentId);
    }

    /** A worker left the pool for good; its line goes with it. */
    void remove(String deploymentId, String workerId) {
        DeploymentChart chart = of(deploymentId);
        chart.series.remove(workerId);
        chart.timeline.remove(workerId);
        changed(deploymentId);
    }

    /** A deployment was removed; all its lines go. */
    void forget(String deploymentId) {
        deployments.remove(deploymentId);
        changed(deploymentId);
    }

    /** Draws what changed since the last frame; called once per batch of events. */
    public void flush() {
        if (stale) {
            redraw();
        }
    }

    /** Selects the job of a band in the console. */
    public void choose(JobBand band) {
        choose(band.jobId());
    }

    /** Selects a job of the deployment shown in the console. */
    void choose(long jobId) {
        if (shown != null) {
            jobChooser.accept(new JobKey(shown, jobId));
        }
    }

    void onJobChosen(Consumer<JobKey> chooser) {
        this.jobChooser = chooser;
    }

    private void changed(String deploymentId) {
        stale |= deploymentId.equals(shown);
    }

    private void redraw() {
        stale = false;
        DeploymentChart chart = shown == null ? null : deployments.get(shown);
        if (chart == null) {
            frame.set(Frame.EMPTY);
            return;
        }
        double now = now();
        double keptFrom = now - KEPT.toSeconds();
        chart.series.values().forEach(series -> series.forgetBefore(keptFrom));
        chart.timeline.forgetBefore(keptFrom);
        Window chosen = window.get();
        double from = now - chosen.length().toSeconds();
        if (chosen == Window.ALL) {
            // The oldest kept sample, so the line fills the width; a minute when there is almost nothing yet.
            double oldest = chart.series.values().stream().filter(series -> series.size() > 0).mapToDouble(series -> series.secondsAt(0))
                    .min().orElse(now);
            from = Math.min(now - 60, oldest);
        }
        double bucket = chosen.bucketed ? Math.max(1, Math.ceil((now - from) / MAX_POINTS)) : 0;
        if (bucket > WorkerMemorySeries.COARSE_SECONDS) {
            // Whole coarse buckets, so that each coarse peak falls in one bucket of the line.
            bucket = Math.ceil(bucket / WorkerMemorySeries.COARSE_SECONDS) * WorkerMemorySeries.COARSE_SECONDS;
        }
        List<WorkerLine> lines = new ArrayList<>();
        for (Map.Entry<String, WorkerMemorySeries> worker : chart.series.entrySet()) {
            // Buckets of the coarse peaks' size or more are made from those peaks: the same points, from a tenth of the work.
            WorkerMemorySeries source = bucket >= WorkerMemorySeries.COARSE_SECONDS ? worker.getValue().coarse() : worker.getValue();
            double[][] points = source.plot(bucket >= WorkerMemorySeries.COARSE_SECONDS ? Math.floor(from / bucket) * bucket : from, now, bucket);
            lines.add(new WorkerLine(worker.getKey(), points[0], points[1]));
        }
        double shownFrom = from;
        List<JobBand> bands = chart.timeline.bands().stream().filter(band -> band.endOr(now) >= shownFrom).toList();
        List<WorkerMarker> markers = chart.timeline.markers().stream().filter(marker -> marker.atSeconds() >= shownFrom).toList();
        frame.set(new Frame(List.copyOf(lines), bands, markers, from, now, chart.limits));
    }

    /** Every kept sample of the shown deployment's workers between two times, for export. */
    MemoryCsv.Samples samplesBetween(double from, double to) {
        DeploymentChart chart = shown == null ? null : deployments.get(shown);
        List<WorkerLine> raw = new ArrayList<>();
        if (chart != null) {
            chart.series.forEach((workerId, series) -> {
                double[][] points = series.plot(from, to, 0);
                raw.add(new WorkerLine(workerId, points[0], points[1]));
            });
        }
        return new MemoryCsv.Samples(raw);
    }

    private DeploymentChart of(String deploymentId) {
        return deployments.computeIfAbsent(deploymentId, id -> new DeploymentChart());
    }

    private double now() {
        return clock.millis() / 1000.0;
    }

    static double seconds(MemorySampled sample) {
        return sample.at().toEpochMilli() / 1000.0;
    }

    public ObjectProperty<Window> windowProperty() {
        return window;
    }

    /** What the chart shows now; a new frame after each batch that changed it. */
    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }
}
