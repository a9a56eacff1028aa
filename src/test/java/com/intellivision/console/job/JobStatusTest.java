package com.intellivision.console.job;

import static com.intellivision.console.job.JobStatus.CANCELLED;
import static com.intellivision.console.job.JobStatus.COMPLETED;
import static com.intellivision.console.job.JobStatus.FAILED;
import static com.intellivision.console.job.JobStatus.PENDING;
import static com.intellivision.console.job.JobStatus.PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The rules of where a job may go next. */
class JobStatusTest {

    @Test
    void aJobWaitsThenRunsThenEndsAndOnlyAJobWithoutAResultGoesBack() {
        assertThat(PENDING.next()).containsExactlyInAnyOrder(PROCESSING, CANCELLED);
        assertThat(PROCESSING.next()).containsExactlyInAnyOrder(COMPLETED, FAILED, CANCELLED, PENDING);
        assertThat(FAILED.next()).containsExactly(PENDING);
        assertThat(CANCELLED.next()).containsExactly(PENDING);
        assertThat(COMPLETED.next()).isEmpty();
        assertThat(PENDING.canMoveTo(COMPLETED)).as("a job ends only by running").isFalse();
    }

    @Test
    void noStatusMovesToItself() {
        assertThat(JobStatus.values()).noneMatch(status -> status.canMoveTo(status));
    }

    @Test
    void theActionsPeopleAreOfferedFollowTheRules() {
        assertThat(Arrays.stream(JobStatus.values()).filter(JobStatus::canBeCancelled)).containsExactlyInAnyOrder(PENDING, PROCESSING);
        assertThat(Arrays.stream(JobStatus.values()).filter(JobStatus::canBeRetried)).containsExactlyInAnyOrder(FAILED, CANCELLED);
        assertThat(Arrays.stream(JobStatus.values()).filter(JobStatus::canBeRetriedWithChanges))
                .containsExactlyInAnyOrder(COMPLETED, FAILED, CANCELLED);
        assertThat(Arrays.stream(JobStatus.values()).filter(JobStatus::isTerminal)).containsExactlyInAnyOrder(COMPLETED, FAILED, CANCELLED);
    }
}
