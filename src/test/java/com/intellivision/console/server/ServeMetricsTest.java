package com.intellivision.console.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.QueueChanged;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.MetricType;
import org.junit.jupiter.api.Test;

class ServeMetricsTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final JobType FRAME = JobType.YOUTUBE_FRAME_EXTRACTION;
    private static final JobType COUNT = JobType.PEOPLE_COUNT;
    private static final long MB = 1024 * 1024;

    private final ServeMetrics metrics = new ServeMetrics();

    @Test
    void theFiguresOfAPoolAtWorkAreReadBackByAPrometheusParser() throws Exception {
        metrics.seed(List.of(job(1, FRAME, JobStatus.COMPLETED, 0, 4), job(2, COUNT, JobStatus.PENDING, 0, 0)),
                new QueueFigures(1, 0, 0, 0, 0, 0));
        feedAPoolAtWork();

        ParsedScrape scrape = ParsedScrape.of(metrics.scrape());

        assertThat(scrape.family("intellivision_queue_depth").getType()).isEqualTo(MetricType.GAUGE);
        assertThat(scrape.series("intellivision_queue_depth", Gauge.class).getValue()).isEqualTo(1);

        assertThat(scrape.family("intellivision_jobs").getMetrics()).hasSize(5);
        assertThat(jobsIn(scrape, "pending")).isEqualTo(1);
        assertThat(jobsIn(scrape, "processing")).isEqualTo(1);
        assertThat(jobsIn(scrape, "completed")).isEqualTo(4);
        assertThat(jobsIn(scrape, "failed")).isEqualTo(1);
        assertThat(jobsIn(scrape, "cancelled")).isEqualTo(1);

        assertThat(scrape.family("intellivision_job_runtime_seconds").getType()).isEqualTo(MetricType.HISTOGRAM);
        Histogram frames = scrape.series("intellivision_job_runtime_seconds", Histogram.class, "job_type", FRAME.wireName());
        assertThat(frames.getSampleCount()).isEqualTo(3);
        assertThat(frames.getSampleSum()).isCloseTo(0.5 + 2 + 1.5, within(1e-9));
        assertThat(frames.getBuckets()).extracting(Histogram.Bucket::getUpperBound)
                .containsExactly(0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, Double.POSITIVE_INFINITY);
        assertThat(cumulativeCountUpTo(frames, 0.5)).isEqualTo(1);
        assertThat(cumulativeCountUpTo(frames, 2.5)).isEqualTo(3);
        Histogram counts = scrape.series("intellivision_job_runtime_seconds", Histogram.class, "job_type", COUNT.wireName());
        assertThat(counts.getSampleCount()).isEqualTo(1);
        assertThat(counts.getSampleSum()).isCloseTo(120, within(1e-9));

        assertThat(scrape.family("intellivision_jobs_finished_total").getType()).isEqualTo(MetricType.COUNTER);
        assertThat(finished(scrape, FRAME, "completed")).isEqualTo(2);
        assertThat(finished(scrape, FRAME, "failed")).isEqualTo(1);
        assertThat(finished(scrape, COUNT, "completed")).isEqualTo(1);
        assertThat(finished(scrape, COUNT, "cancelled")).isEqualTo(1);
        assertThat(scrape.family("intellivision_jobs_finished_total").getMetrics()).hasSize(4);

        assertThat(scrape.series("intellivision_worker_rss_bytes", Gauge.class, "worker", "w1").getValue()).isEqualTo(310 * MB);
        assertThat(scrape.series("intellivision_worker_rss_bytes", Gauge.class, "worker", "w2")).isNull();
    }

    @Test
    void aSeedOlderThanTheEventsAlreadyHeardChangesNothing() throws Exception {
        metrics.accept(new JobChanged(job(3, FRAME, JobStatus.PROCESSING, 1, 2)));
        metrics.accept(new JobChanged(job(3, FRAME, JobStatus.COMPLETED, 1, 3)));
        metrics.seed(List.of(job(3, FRAME, JobStatus.PENDING, 1, 1)), QueueFigures.EMPTY);

        ParsedScrape scrape = ParsedScrape.of(metrics.scrape());

        assertThat(jobsIn(scrape, "completed")).isEqualTo(1);
        assertThat(jobsIn(scrape, "pending")).isZero();
        assertThat(finished(scrape, FRAME, "completed")).isEqualTo(1);
    }

    @Test
    void aRestartedWorkerIsGraphedAgain() throws Exception {
        metrics.accept(new MemorySampled("w1", 101, 200 * MB, T0));
        metrics.accept(worker("w1", 101, WorkerState.DEAD));
        metrics.accept(worker("w1", 102, WorkerState.STARTING));
        metrics.accept(new MemorySampled("w1", 102, 90 * MB, T0.plusSeconds(2)));

        ParsedScrape scrape = ParsedScrape.of(metrics.scrape());

        assertThat(scrape.series("intellivision_worker_rss_bytes", Gauge.class, "worker", "w1").getValue()).isEqualTo(90 * MB);
    }

    @Test
    void aJavalinRouteServesTheScrapeOverHttp() throws Exception {
        feedAPoolAtWork();
        Javalin app = Javalin.create(config -> config.showJavalinBanner = false)
                .get("/metrics", ctx -> ctx.contentType(ServeMetrics.CONTENT_TYPE).result(metrics.scrape()))
                .start("127.0.0.1", 0);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(jobsIn(ParsedScrape.of(response.body()), "completed")).isEqualTo(3);
        } finally {
            app.stop();
        }
    }

    /** Jobs pending → processing → completed or failed, one cancelled, one told twice; two workers, one of which goes. */
    private void feedAPoolAtWork() {
        List<EngineEvent> events = List.of(
                new JobChanged(job(3, FRAME, JobStatus.PENDING, 1, 1)),
                new JobChanged(job(4, FRAME, JobStatus.PENDING, 1, 1)),
                new JobChanged(job(3, FRAME, JobStatus.PROCESSING, 1, 2)),
                new JobChanged(job(4, FRAME, JobStatus.PROCESSING, 1, 3)),
                new JobChanged(job(3, FRAME, JobStatus.COMPLETED, 1, 2.5)),
                new JobChanged(job(3, FRAME, JobStatus.COMPLETED, 1, 2.5).withOutputImage("/tmp/frame-3.jpg")),
                new JobChanged(job(4, FRAME, JobStatus.FAILED, 1, 5)),
                new JobChanged(job(2, COUNT, JobStatus.PROCESSING, 0, 10)),
                new JobChanged(job(2, COUNT, JobStatus.COMPLETED, 0, 130)),
                new JobChanged(job(5, COUNT, JobStatus.PENDING, 20, 20)),
                new JobChanged(job(5, COUNT, JobStatus.PROCESSING, 20, 21)),
                new JobChanged(job(6, COUNT, JobStatus.PENDING, 22, 22)),
                new JobChanged(job(6, COUNT, JobStatus.CANCELLED, 22, 23)),
                // Never seen processing: timed from its creation.
                new JobChanged(job(7, FRAME, JobStatus.COMPLETED, 30, 31.5)),
                new JobChanged(job(9, COUNT, JobStatus.PENDING, 40, 40)),
                new QueueChanged(new QueueFigures(1, 1, 2, 1, 0.25, 0)),
                new MemorySampled("w1", 101, 300 * MB, T0.plusSeconds(1)),
                new MemorySampled("w2", 102, 250 * MB, T0.plusSeconds(1)),
                new MemorySampled("w1", 101, 310 * MB, T0.plusSeconds(2)),
                worker("w2", 102, WorkerState.STOPPING),
                worker("w2", 102, WorkerState.DEAD),
                // A sample taken as w2 died must not bring it back.
                new MemorySampled("w2", 102, 251 * MB, T0.plusSeconds(3)));
        events.forEach(metrics);
    }

    private static double jobsIn(ParsedScrape scrape, String state) {
        return scrape.series("intellivision_jobs", Gauge.class, "state", state).getValue();
    }

    private static double finished(ParsedScrape scrape, JobType type, String outcome) {
        return scrape.series("intellivision_jobs_finished_total", Counter.class, "job_type", type.wireName(), "outcome", outcome).getValue();
    }

    private static long cumulativeCountUpTo(Histogram histogram, double bound) {
        return histogram.getBuckets().stream().filter(bucket -> bucket.getUpperBound() == bound).findFirst().orElseThrow().getCumulativeCount();
    }

    private static Job job(long id, JobType type, JobStatus status, double createdSecond, double updatedSecond) {
        return new Job(id, type, status, "https://example.invalid/video-" + id, null, null, null,
                status == JobStatus.FAILED ? "decoder gave up" : null, status == JobStatus.PENDING ? 0 : 1, 0, false,
                at(createdSecond), at(updatedSecond));
    }

    private static Instant at(double second) {
        return T0.plusMillis(Math.round(second * 1000));
    }

    private static WorkerChanged worker(String id, long pid, WorkerState state) {
        return new WorkerChanged(WorkerInfo.single(id, pid, state, WorkerInfo.NO_JOB, 0, 0));
    }
}
