package com.intellivision.console.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobQuery;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.TestVideos;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retrying with edited inputs on the local pool: a real worker process, a real SQLite file, a real video. */
class LocalRetryWithEditsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path temp;

    private static Path video;
    private static LocalDeployment pool;

    @BeforeAll
    static void start() throws Exception {
        video = TestVideos.writeFrameCodedVideo(temp.resolve("clip.mp4"), 3, 25, 160, 120);
        pool = LocalDeployment.start(PoolConfig.defaults(temp.resolve("pool")).withWorkerCount(1));
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void anEditedRetryRunsANewJobLinkedToTheFailedOneWhichStaysAsItWas() throws Exception {
        Job failed = pool.awaitTerminal(pool.submit(JobRequest.frame(temp.resolve("moved.mp4").toString(), FrameParams.at(1.0))).id(), TIMEOUT);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);

        Job retried = pool.retryWith(failed.id(), JobRequest.frame(video.toString(), FrameParams.at(2.0))).orElseThrow();

        assertThat(retried.id()).isNotEqualTo(failed.id());
        assertThat(retried.retryOf()).isEqualTo(failed.id());
        Job done = pool.awaitTerminal(retried.id(), TIMEOUT);
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.retryOf()).isEqualTo(failed.id());
        assertThat(done.results().path("timestamp").asDouble()).isBetween(1.9, 2.1);
        assertThat(pool.job(failed.id())).contains(failed);
        assertThat(pool.search(JobQuery.text("clip"))).extracting(Job::id).contains(retried.id()).doesNotContain(failed.id());
        assertThat(pool.search(JobQuery.text("moved"))).extracting(Job::id).containsExactly(failed.id());
    }

    @Test
    void aCompletedJobIsRetriedWithAnotherTimeAndKeepsItsResult() throws Exception {
        Job completed = pool.awaitTerminal(pool.submit(JobRequest.frame(video.toString(), FrameParams.at(0.5))).id(), TIMEOUT);
        assertThat(completed.status()).isEqualTo(JobStatus.COMPLETED);

        Job again = pool.awaitTerminal(pool.retryWith(completed.id(), JobRequest.frame(video.toString(), FrameParams.at(2.5))).orElseThrow().id(),
                TIMEOUT);

        assertThat(again.results().path("timestamp").asDouble()).isBetween(2.4, 2.6);
        assertThat(pool.job(completed.id()).orElseThrow().results()).isEqualTo(completed.results());
    }

    @Test
    void editsThatCannotRunAreRefusedWithWhyAndMakeNoJob() throws Exception {
        Job failed = pool.awaitTerminal(pool.submit(JobRequest.frame(temp.resolve("gone.mp4").toString(), null)).id(), TIMEOUT);
        int jobsBefore = pool.recentJobs(1000).size();

        assertThatThrownBy(() -> pool.retryWith(failed.id(), JobRequest.frame("ftp://example.com/clip.mp4", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ftp:' links cannot be used");
        assertThatThrownBy(() -> pool.retryWith(failed.id(), JobRequest.count(video.toString(), CountParams.defaults())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("job #" + failed.id() + " is a frame, not a people count");
        var negativeTime = JobJson.mapper().createObjectNode().put("at_seconds", -3);
        assertThatThrownBy(() -> pool.retryWith(failed.id(), new JobRequest(JobType.YOUTUBE_FRAME_EXTRACTION, video.toString(), negativeTime)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The timestamp must be zero or more seconds, not -3.0.");

        assertThat(pool.recentJobs(1000)).hasSize(jobsBefore);
    }

    @Test
    void aJobThatHasNotEndedIsNotRetriedWithEdits() {
        pool.pause();
        try {
            Job waiting = pool.submit(JobRequest.frame(video.toString(), null));

            assertThat(pool.retryWith(waiting.id(), JobRequest.frame(video.toString(), FrameParams.at(1.0)))).isEmpty();
            assertThat(pool.retryWith(999_999, JobRequest.frame(video.toString(), null))).isEmpty();
        } finally {
            pool.resume();
        }
    }
}
