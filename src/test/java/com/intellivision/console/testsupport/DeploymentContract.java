package com.intellivision.console.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.deployment.Capabilities.Feature;
import com.intellivision.console.deployment.Capabilities.RetryEffect;
import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.Deployment.Subscription;
import com.intellivision.console.deployment.JobSearch;
import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobQuery;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every deployment promises the window and the commands, run against each implementation: the
 * test fake, the local pool and an IntelliVision server. A subclass says how to open one and which
 * requests complete, fail, or run until cancelled there.
 */
public abstract class DeploymentContract {

    protected static final Duration WAIT = Duration.ofSeconds(45);

    private Deployment deployment;

    /** A new deployment for one test. */
    protected abstract Deployment open() throws Exception;

    /** A request that completes there. */
    protected abstract JobRequest completing() throws Exception;

    /** A request that fails there, with a reason. */
    protected abstract JobRequest failing() throws Exception;

    /** A request that keeps running until it is cancelled. */
    protected abstract JobRequest lingering() throws Exception;

    @BeforeEach
    void openDeployment() throws Exception {
        deployment = open();
    }

    @AfterEach
    void closeDeployment() throws Exception {
        deployment.close();
        // Twice: closing is done once, however often it is asked for.
        deployment.close();
        closed();
    }

    /** After the deployment closed: what the test opened for it may go too. */
    protected void closed() throws Exception {}

    protected Deployment deployment() {
        return deployment;
    }

    @Test
    public void aSubmittedJobIsKnownAtOnceAndListedFirst() throws Exception {
        Job submitted = deployment.submit(completing());

        assertThat(submitted.status()).isIn(JobStatus.PENDING, JobStatus.PROCESSING);
        assertThat(deployment.job(submitted.id())).hasValueSatisfying(job -> assertThat(job.type()).isEqualTo(submitted.type()));
        assertThat(deployment.recentJobs(10)).first().extracting(Job::id).isEqualTo(submitted.id());
    }

    @Test
    public void aJobThatCompletesIsToldOfByEventsAndWaitedFor() throws Exception {
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        try (Subscription ignored = deployment.subscribe(events::add)) {
            Job submitted = deployment.submit(completing());
            Job done = deployment.awaitTerminal(submitted.id(), WAIT);

            assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(done.results()).isNotNull();
            assertThat(events).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(JobChanged.class,
                    changed -> assertThat(changed.job()).extracting(Job::id, Job::status).containsExactly(submitted.id(), JobStatus.COMPLETED)));
        }
    }

    @Test
    public void aJobThatFailsEndsWithAReasonForPeople() throws Exception {
        Job done = deployment.awaitTerminal(deployment.submit(failing()).id(), WAIT);

        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.error()).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception:");
    }

    @Test
    public void itsCapabilitiesAgreeWithItsRolesAndSayWhyAnythingIsMissing() {
        Capabilities capabilities = deployment.capabilities();
        Map<Feature, Function<Deployment, Optional<?>>> roles = Map.of(
                Feature.BULK_ACTIONS, Deployment::bulkActions,
                Feature.ATTEMPT_HISTORY, Deployment::attemptHistory,
                Feature.WORKERS, Deployment::workerMonitor,
                Feature.POOL_CONTROL, Deployment::poolControl,
                Feature.WORKER_POOL_RESIZE, Deployment::workerPoolControl,
                Feature.QUEUE_FIGURES, Deployment::queueStatistics);
        roles.forEach((feature, role) -> assertThat(role.apply(deployment).isPresent()).as(feature.name()).isEqualTo(capabilities.has(feature)));
        assertThat(deployment.jobControl().isPresent()).isEqualTo(capabilities.has(Feature.CANCEL) || capabilities.has(Feature.RETRY));
        for (Feature feature : Feature.values()) {
            if (!capabilities.has(feature)) {
                assertThat(capabilities.whyNot(feature)).as("why there is no " + feature).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
            }
        }
        assertThat(capabilities.accepts(JobType.YOUTUBE_FRAME_EXTRACTION)).isTrue();
        assertThat(deployment.id()).isNotBlank();
        assertThat(deployment.displayName()).isNotBlank();
    }

    @Test
    public void aCancelledJobEndsCancelled() throws Exception {
        if (!deployment.capabilities().has(Feature.CANCEL)) {
            return;
        }
        Job running = deployment.submit(lingering());

        deployment.jobControl().orElseThrow().cancel(running.id());

        assertThat(deployment.awaitTerminal(running.id(), WAIT).status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    public void aFailedJobIsRetriedAsItsCapabilitiesSay() throws Exception {
        if (!deployment.capabilities().has(Feature.RETRY)) {
            return;
        }
        Job failed = deployment.awaitTerminal(deployment.submit(failing()).id(), WAIT);

        Job retried = deployment.jobControl().orElseThrow().retry(failed.id()).orElseThrow();

        if (deployment.capabilities().retry() == RetryEffect.IN_PLACE) {
            assertThat(retried.id()).isEqualTo(failed.id());
        } else {
            assertThat(retried.id()).isNotEqualTo(failed.id());
            assertThat(retried.retryOf()).isEqualTo(failed.id());
        }
        assertThat(retried.status()).isIn(JobStatus.PENDING, JobStatus.PROCESSING);
        assertThat(deployment.awaitTerminal(retried.id(), WAIT).status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    public void aFailedJobRetriedWithAnotherVideoIsANewLinkedJobAndTheOldOneStays() throws Exception {
        if (!deployment.capabilities().has(Feature.RETRY)) {
            return;
        }
        Job failed = deployment.awaitTerminal(deployment.submit(failing()).id(), WAIT);
        JobRequest edited = new JobRequest(failed.type(), completing().url(), failed.params());

        Job retried = deployment.jobControl().orElseThrow().retryWith(failed.id(), edited).orElseThrow();

        assertThat(retried.id()).isNotEqualTo(failed.id());
        assertThat(retried.retryOf()).isEqualTo(failed.id());
        Job done = deployment.awaitTerminal(retried.id(), WAIT);
        assertThat(done.status()).as(done.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.retryOf()).isEqualTo(failed.id());
        Job old = deployment.job(failed.id()).orElseThrow();
        assertThat(old.status()).isEqualTo(JobStatus.FAILED);
        assertThat(old.youtubeUrl()).isEqualTo(failed.youtubeUrl());
    }

    @Test
    public void aJobItHasIsFoundByTheWordsOfItsLinkAndErrorAndByFilters() throws Exception {
        Optional<JobSearch> search = deployment.jobSearch();
        if (search.isEmpty()) {
            return;
        }
        JobRequest request = failing();
        Job failed = deployment.awaitTerminal(deployment.submit(request).id(), WAIT);
        JobQuery byName = JobQuery.text(request.url().substring(request.url().lastIndexOf('/') + 1));

        assertThat(search.get().search(byName)).extracting(Job::id).contains(failed.id());
        assertThat(search.get().search(byName.withStatuses(JobStatus.FAILED).withTypes(request.type()))).extracting(Job::id)
                .contains(failed.id());
        assertThat(search.get().search(byName.withStatuses(JobStatus.COMPLETED))).extracting(Job::id).doesNotContain(failed.id());
        assertThat(search.get().search(JobQuery.text(failed.error()))).extracting(Job::id).contains(failed.id());
        assertThat(search.get().search(JobQuery.all().withStatuses(JobStatus.FAILED))).first().extracting(Job::id).isEqualTo(failed.id());
        assertThat(search.get().search(JobQuery.text("\"(*:-^ NEAR"))).isNotNull();
    }

    @Test
    public void aListenerThatStoppedListeningHearsNothing() throws Exception {
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        deployment.subscribe(events::add).close();

        deployment.awaitTerminal(deployment.submit(completing()).id(), WAIT);

        assertThat(events).filteredOn(JobChanged.class::isInstance).isEmpty();
    }

    @Test
    public void waitingForAJobItDoesNotHaveSaysSo() {
        assertThatThrownBy(() -> deployment.awaitTerminal(987_654_321L, Duration.ofSeconds(1)))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("987654321");
        assertThat(deployment.job(987_654_321L)).isEmpty();
    }

    @Test
    public void aHealthyDeploymentSaysItIsConnected() throws Exception {
        deployment.awaitTerminal(deployment.submit(completing()).id(), WAIT);

        assertThat(deployment.connection().state()).isEqualTo(ConnectionState.CONNECTED);
    }
}
