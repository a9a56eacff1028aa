package com.intellivision.console.deployment.intellivision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retrying with edited inputs on an IntelliVision server: the stand-in on loopback (MockWebServer) answers
 * submissions and polls as the recorded server does, and is sent only a job's link.
 */
class IntelliVisionRetryWithEditsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String FRAME_PATH = "/api/get-youtube-frame/";

    @TempDir
    Path temp;

    private FakeIntelliVisionServer server;
    private RemoteJobStore store;
    private IntelliVisionDeployment deployment;

    @BeforeEach
    void connect() throws Exception {
        server = FakeIntelliVisionServer.start();
        store = RemoteDeployments.store(temp);
        deployment = RemoteDeployments.open(RemoteDeployments.settingsFor(server), temp, store, token -> {});
    }

    @AfterEach
    void disconnect() {
        deployment.close();
        store.close();
        server.close();
    }

    @Test
    void anotherLinkIsSubmittedAsANewJobLinkedToTheFailedOneWhichStaysAsItWas() throws Exception {
        Job failed = deployment.awaitTerminal(deployment.submit(JobRequest.frame("http://127.0.0.1:9/fail.mp4", null)).id(), WAIT);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);

        Job retry = deployment.retryWith(failed.id(), JobRequest.frame("http://127.0.0.1:9/fixed.mp4", null)).orElseThrow();
        Job done = deployment.awaitTerminal(retry.id(), WAIT);

        List<RecordedRequest> posts = server.requestsTo(FRAME_PATH);
        assertThat(posts).hasSize(2);
        assertThat(JobJson.mapper().readTree(posts.get(1).getBody().utf8()).path("youtube_url").asText())
                .isEqualTo("http://127.0.0.1:9/fixed.mp4");
        assertThat(retry.id()).isNotEqualTo(failed.id());
        assertThat(retry.retryOf()).isEqualTo(failed.id());
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.retryOf()).isEqualTo(failed.id());
        assertThat(done.youtubeUrl()).isEqualTo("http://127.0.0.1:9/fixed.mp4");
        Job old = deployment.job(failed.id()).orElseThrow();
        assertThat(old.status()).isEqualTo(JobStatus.FAILED);
        assertThat(old.youtubeUrl()).isEqualTo("http://127.0.0.1:9/fail.mp4");
        assertThat(deployment.attempts(done.id())).extracting(JobAttempt::workerId).containsExactly("job #" + failed.id(), "job #" + done.id());
    }

    @Test
    void aCompletedPeopleCountIsRunAgainOnAnotherVideo() throws Exception {
        Job counted = deployment.awaitTerminal(deployment.submit(JobRequest.count("http://127.0.0.1:9/lobby.mp4", null)).id(), WAIT);
        assertThat(counted.status()).isEqualTo(JobStatus.COMPLETED);

        Job again = deployment.retryWith(counted.id(), JobRequest.count("http://127.0.0.1:9/hall.mp4", CountParams.defaults())).orElseThrow();

        assertThat(again.retryOf()).isEqualTo(counted.id());
        assertThat(JobJson.mapper().readTree(server.requestsTo("/api/people-count/").get(1).getBody().utf8()).path("youtube_url").asText())
                .isEqualTo("http://127.0.0.1:9/hall.mp4");
        assertThat(deployment.job(counted.id()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void settingsTheServerIsNeverSentAreRefusedBeforeAnythingIsSent() throws Exception {
        Job failed = deployment.awaitTerminal(deployment.submit(JobRequest.frame("http://127.0.0.1:9/fail.mp4", null)).id(), WAIT);

        assertThat(deployment.capabilities().has(Feature.EDITED_SETTINGS)).isFalse();
        assertThatThrownBy(() -> deployment.retryWith(failed.id(), JobRequest.frame("http://127.0.0.1:9/fail.mp4", FrameParams.at(42.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("it chooses the frame, the sampling and the detector itself");
        assertThatThrownBy(() -> deployment.retryWith(failed.id(), JobRequest.frame("hello world", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hello world");
        assertThatThrownBy(() -> deployment.retryWith(failed.id(), JobRequest.count("http://127.0.0.1:9/fail.mp4", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same kind of job");

        assertThat(server.requestsTo(FRAME_PATH)).hasSize(1);
    }

    @Test
    void aVideoUploadedFromAFileThatIsGoneCannotBeSentAgainUnchanged() throws Exception {
        Path clip = Files.write(temp.resolve("fail-upload.mp4"), new byte[] {0, 0, 0, 24});
        Job failed = deployment.awaitTerminal(deployment.submit(JobRequest.count(clip.toString(), null)).id(), WAIT);
        Files.delete(clip);
        int postsBefore = server.requestsTo("/api/people-count/").size();

        assertThatThrownBy(() -> deployment.retryWith(failed.id(), JobRequest.count(failed.youtubeUrl(), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is no longer there");
        assertThat(server.requestsTo("/api/people-count/")).hasSize(postsBefore);
    }

    @Test
    void aJobStillRunningIsNotRetriedWithEdits() throws Exception {
        Job running = deployment.submit(JobRequest.frame("http://127.0.0.1:9/stay.mp4", null));

        assertThat(deployment.retryWith(running.id(), JobRequest.frame("http://127.0.0.1:9/other.mp4", null))).isEmpty();
        assertThat(server.requestsTo(FRAME_PATH)).hasSize(1);
    }
}
