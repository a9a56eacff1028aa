package com.intellivision.console.deployment.intellivision;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.EventFanout;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.remote.IntelliVisionClient;
import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller and a submit answered while a round was listing the same job: the newer word stands. */
class JobPollerTest {

    private static final String DEPLOYMENT = "prod-test";

    @TempDir
    Path temp;

    private FakeIntelliVisionServer server;
    private IntelliVisionClient client;
    private RemoteJobStore store;
    private JobPoller poller;
    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = FakeIntelliVisionServer.start();
        client = new IntelliVisionClient(server.url(), new SavedCredentials(RemoteDeployments.tokens(), token -> {}));
        store = RemoteDeployments.store(temp);
        EventFanout fanout = new EventFanout();
        fanout.subscribe(events::add);
        Clock clock = Clock.systemUTC();
        ConnectionHealth health = new ConnectionHealth(clock, RemoteDeployments.QUICK.maxBackoff(), fanout::publish);
        poller = new JobPoller(DEPLOYMENT, client, store, new OutputImages(client, temp.resolve("images")), health, fanout, clock,
                RemoteDeployments.QUICK);
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
        server.close();
    }

    @Test
    void aSubmittedJobIsKeptAndReportedAsTheServerAnswered() {
        Job answered = client.submit(JobRequest.frame("https://www.youtube.com/watch?v=stay", null)).job();

        Job kept = poller.submitted(answered);

        assertThat(kept.status()).isEqualTo(JobStatus.PENDING);
        assertThat(store.find(DEPLOYMENT, kept.id())).get().extracting(Job::status).isEqualTo(JobStatus.PENDING);
        assertThat(statusesReported()).containsExactly(JobStatus.PENDING);
    }

    @Test
    void aRoundThatListedTheJobBeforeItsSubmitWasAnsweredIsNotUndoneByTheAnswer() {
        Job answered = client.submit(JobRequest.frame("https://www.youtube.com/watch?v=stay", null)).job();
        poller.poll();

        Job kept = poller.submitted(answered);

        assertThat(kept.status()).as("the round saw it running; the submit's answer is older").isEqualTo(JobStatus.PROCESSING);
        assertThat(store.find(DEPLOYMENT, kept.id())).get().extracting(Job::status).isEqualTo(JobStatus.PROCESSING);
        assertThat(statusesReported()).containsExactly(JobStatus.PROCESSING);
    }

    @Test
    void aRetrySeenByARoundFirstStillGetsItsLinkToTheJobItRetries() {
        Job answered = client.submit(JobRequest.frame("https://www.youtube.com/watch?v=stay", null)).job();
        poller.poll();

        Job kept = poller.submitted(answered.withRetryOf(41L));

        assertThat(kept.retryOf()).isEqualTo(41L);
        assertThat(kept.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(store.find(DEPLOYMENT, kept.id())).get().extracting(Job::retryOf).isEqualTo(41L);
        assertThat(events).filteredOn(JobChanged.class::isInstance).last()
                .satisfies(event -> assertThat(((JobChanged) event).job().retryOf()).isEqualTo(41L));
    }

    private List<JobStatus> statusesReported() {
        return events.stream().filter(JobChanged.class::isInstance).map(event -> ((JobChanged) event).job().status()).toList();
    }
}
