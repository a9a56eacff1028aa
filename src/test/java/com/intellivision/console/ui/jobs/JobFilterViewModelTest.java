package com.intellivision.console.ui.jobs;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobQuery;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.Jobs;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.common.TaskRunner;
import com.intellivision.console.ui.jobs.JobFilter.StatusChoice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's filter on the model: the store's answer joins the table, and jobs that change are tested again as they change. */
class JobFilterViewModelTest {

    private final JobListViewModel jobs = new JobListViewModel(new MutableClock(T0));
    private final List<JobQuery> asked = new ArrayList<>();
    private final List<Job> stored = new ArrayList<>();
    private final JobFilterViewModel filter = new JobFilterViewModel(jobs, new TaskRunner(Runnable::run, Runnable::run), (id, query) -> {
        asked.add(query);
        return stored;
    });

    @Test
    void aFailureWhileFilteringForFailuresJoinsTheTableAndARetryLeavesIt() {
        jobs.show("local");
        filter.show("local", Capabilities.full(LocalDeployment.JOB_TYPES));
        jobs.apply("local", Jobs.pending(1, T0));
        jobs.apply("local", Jobs.pending(2, T0));
        Job oldFailure = Jobs.failed(3, T0.minusSeconds(3600), T0.minusSeconds(3500), "Long ago.");
        stored.add(oldFailure);

        filter.statusProperty().set(StatusChoice.FAILED);

        assertThat(asked).last().extracting(JobQuery::statuses).asString().contains("FAILED");
        assertThat(jobs.rows()).extracting(JobRow::id).as("the store's answer, beyond the rows loaded").containsExactly(3L);
        assertThat(filter.summaryProperty().get()).isEqualTo("1 match");

        jobs.apply("local", Jobs.failed(2, T0, T0.plusSeconds(5), "Disk full."));
        assertThat(jobs.rows()).extracting(JobRow::id).containsExactlyInAnyOrder(2L, 3L);

        filter.clear();
        assertThat(jobs.rows()).extracting(JobRow::id).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(filter.summaryProperty().get()).isEmpty();
    }

    @Test
    void wordsMatchTheBeginningsOfWordsOfTheLinkAndTheError() {
        Job job = Jobs.failed(42, T0, T0, "The file /v/street-cam.mp4 does not exist.");

        assertThat(new JobFilter("street cam", StatusChoice.ANY, null).matches(job)).isTrue();
        assertThat(new JobFilter("exis", StatusChoice.FAILED, null).matches(job)).isTrue();
        assertThat(new JobFilter("42", StatusChoice.ANY, null).matches(job)).isTrue();
        assertThat(new JobFilter("treet", StatusChoice.ANY, null).matches(job)).as("not inside a word").isFalse();
        assertThat(new JobFilter("street", StatusChoice.COMPLETED, null).matches(job)).isFalse();
    }
}
