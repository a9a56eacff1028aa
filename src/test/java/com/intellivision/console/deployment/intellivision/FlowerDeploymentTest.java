package com.intellivision.console.deployment.intellivision;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.Capabilities.CancelEffect;
import com.intellivision.console.deployment.Capabilities.MemoryReading;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.Warning;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.testsupport.EngineProbe;
import com.intellivision.console.testsupport.FakeFlower;
import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An IntelliVision deployment with its Celery Flower: workers, their memory, the broker's queue, revoke and pools. */
class FlowerDeploymentTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private FakeIntelliVisionServer server;
    private FakeFlower flower;
    private RemoteJobStore store;
    private IntelliVisionDeployment deployment;

    @BeforeEach
    void connect() throws Exception {
        server = FakeIntelliVisionServer.start();
        flower = FakeFlower.start(server);
        store = RemoteDeployments.store(temp);
        DeploymentSettings settings = RemoteDeployments.settingsFor(server).withFlowerUrl(flower.url()).withFlowerUser(FakeFlower.USER);
        deployment = new IntelliVisionDeployment(settings, RemoteDeployments.tokens().withFlowerPassword(FakeFlower.PASSWORD), store,
                temp.resolve("images"), token -> {}, Clock.systemUTC(), RemoteDeployments.QUICK);
    }

    @AfterEach
    void disconnect() {
        deployment.close();
        store.close();
        flower.close();
        server.close();
    }

    @Test
    void theCeleryWorkersAreReportedWithTheirJobsAndPeakMemory() throws Exception {
        List<EngineEvent> events = RemoteDeployments.recording(deployment);
        Job running = deployment.submit(JobRequest.count("http://127.0.0.1:9/stay.mp4", null));
        EngineProbe.await(() -> deployment.job(running.id()).orElseThrow().status() == JobStatus.PROCESSING, "processing", WAIT);

        List<WorkerInfo> workers = EngineProbe.await(() -> {
            List<WorkerInfo> busy = deployment.workerMonitor().orElseThrow().workers();
            return busy.stream().anyMatch(worker -> worker.jobId() == running.id()) ? busy : null;
        }, "a worker running the job", WAIT);

        assertThat(workers).extracting(WorkerInfo::id).containsExactly("celery@cpu-node", "celery@gpu-node");
        WorkerInfo gpu = workers.stream().filter(worker -> worker.id().equals("celery@gpu-node")).findFirst().orElseThrow();
        assertThat(gpu.state()).isEqualTo(WorkerState.BUSY);
        assertThat(gpu.processes()).isEqualTo(2);
        assertThat(gpu.pid()).isEqualTo(90494);
        assertThat(gpu.rssBytes()).as("Celery's maxrss is in KB").isEqualTo(180_000L * 1024);
        assertThat(deployment.capabilities().memory()).isEqualTo(MemoryReading.PEAK_OF_MAIN_PROCESS);
        assertThat(events).anyMatch(WorkerChanged.class::isInstance);
        assertThat(deployment.workerMonitor().orElseThrow().memoryHistory("celery@gpu-node")).isNotEmpty()
                .allSatisfy(sample -> assertThat(sample.rssBytes()).isEqualTo(180_000L * 1024));
        assertThat(events).filteredOn(MemorySampled.class::isInstance).isNotEmpty();
    }

    @Test
    void withFlowerCancellingRevokesTheTaskAndTheJobStaysOnTheServer() throws Exception {
        Job running = deployment.submit(JobRequest.count("http://127.0.0.1:9/stay.mp4", null));
        EngineProbe.await(() -> deployment.job(running.id()).orElseThrow().status() == JobStatus.PROCESSING, "processing", WAIT);

        Job cancelled = deployment.cancel(running.id()).orElseThrow();

        assertThat(deployment.capabilities().cancel()).isEqualTo(CancelEffect.STOPS_JOB);
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.error()).contains("revoked through Flower");
        assertThat(flower.requests()).anySatisfy(request -> assertThat(request.getTarget())
                .isEqualTo("/api/task/revoke/" + running.taskId() + "?terminate=true"));
        assertThat(server.statuses()).as("not deleted").containsKey(running.id());
        assertThat(server.requestsTo("/api/jobs/" + running.id() + "/")).noneMatch(request -> request.getMethod().equals("DELETE"));
    }

    @Test
    void theBrokersQueueLengthFeedsTheQueueFigures() throws Exception {
        flower.alsoQueue(42);

        int queued = EngineProbe.await(() -> deployment.figures().brokerQueued() == 42 ? 42 : null, "the broker's 42 messages", WAIT);

        assertThat(queued).isEqualTo(42);
        assertThat(deployment.figures().backlog()).isEqualTo(42);
    }

    @Test
    void aWorkersPoolGrowsAndShrinksThroughFlower() throws Exception {
        deployment.workerPoolControl().orElseThrow().grow("celery@gpu-node", 1);
        assertThat(flower.processesOf("celery@gpu-node")).isEqualTo(3);

        deployment.workerPoolControl().orElseThrow().shrink("celery@gpu-node", 2);
        assertThat(flower.processesOf("celery@gpu-node")).isEqualTo(1);
    }

    @Test
    void aFlowerThatRefusesItsPasswordIsReportedOnceWithoutStoppingTheJobs() throws Exception {
        deployment.close();
        IntelliVisionDeployment wrongPassword = new IntelliVisionDeployment(
                RemoteDeployments.settingsFor(server).withFlowerUrl(flower.url()).withFlowerUser(FakeFlower.USER),
                new DeploymentSecrets(FakeIntelliVisionServer.ACCESS_TOKEN, null, "not-the-password"), store, temp.resolve("images"),
                token -> {}, Clock.systemUTC(), RemoteDeployments.QUICK);
        List<EngineEvent> events = RemoteDeployments.recording(wrongPassword);
        try {
            Job done = wrongPassword.awaitTerminal(wrongPassword.submit(JobRequest.count("http://127.0.0.1:9/clip.mp4", null)).id(), WAIT);
            Thread.sleep(200);

            assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(events).filteredOn(Warning.class::isInstance).singleElement()
                    .satisfies(warning -> assertThat(((Warning) warning).detail()).contains("user name or password"));
        } finally {
            wrongPassword.close();
        }
    }
}
