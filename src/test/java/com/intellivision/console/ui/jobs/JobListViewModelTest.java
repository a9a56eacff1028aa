package com.intellivision.console.ui.jobs;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.Jobs;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.common.StatusBadge;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

public class JobListViewModelTest {

    private final MutableClock clock = new MutableClock(T0.plusSeconds(60));
    private final JobListViewModel jobs = shownFake(new JobListViewModel(clock));

    @Test
    void showsNewestFirstWhateverOrderJobsArriveIn() {
        jobs.apply("fake", Jobs.pending(2, T0.plusSeconds(2)));
        jobs.apply("fake", Jobs.pending(5, T0.plusSeconds(5)));
        jobs.apply("fake", Jobs.pending(1, T0.plusSeconds(1)));
        jobs.apply("fake", Jobs.pending(3, T0.plusSeconds(3)));

        assertThat(ids()).containsExactly(5L, 3L, 2L, 1L);
    }

    @Test
    void jobsCreatedInTheSameInstantAreOrderedByIdDescending() {
        jobs.apply("fake", Jobs.pending(7, T0));
        jobs.apply("fake", Jobs.pending(9, T0));
        jobs.apply("fake", Jobs.pending(8, T0));

        assertThat(ids()).containsExactly(9L, 8L, 7L);
    }

    @Test
    void aChangedJobUpdatesItsRowInPlace() {
        JobRow row = jobs.apply("fake", Jobs.pending(4, T0));
        jobs.apply("fake", Jobs.pending(5, T0.plusSeconds(1)));

        JobRow updated = jobs.apply("fake", Jobs.completedFrame(4, T0, T0.plusSeconds(9)));

        assertThat(updated).isSameAs(row);
        assertThat(jobs.rows()).hasSize(2);
        assertThat(row.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(row.statusProperty().get()).isEqualTo(new StatusBadge(JobStatus.COMPLETED, "Completed"));
        assertThat(ids()).containsExactly(5L, 4L);
    }

    @Test
    void anOlderStateArrivingLateDoesNotUndoANewerOne() {
        jobs.apply("fake", Jobs.completedFrame(4, T0, T0.plusSeconds(9)));

        jobs.apply("fake", Jobs.processing(4, T0, T0.plusSeconds(3)));
        jobs.apply("fake", Jobs.pending(4, T0));

        assertThat(jobs.row(new JobKey("fake", 4)).orElseThrow().job().status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void atTheSameInstantTheStateFurtherAlongWins() {
        jobs.apply("fake", Jobs.failed(4, T0, T0.plusSeconds(2), "no such video"));
        jobs.apply("fake", Jobs.processing(4, T0, T0.plusSeconds(2)));

        assertThat(jobs.row(new JobKey("fake", 4)).orElseThrow().job().status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void aRetriedJobGoesBackToPendingBecauseItsUpdateIsNewer() {
        jobs.apply("fake", Jobs.failed(4, T0, T0.plusSeconds(2), "network down"));
        jobs.apply("fake", Jobs.job(4, JobStatus.PENDING, T0, T0.plusSeconds(30), null, null));

        assertThat(jobs.row(new JobKey("fake", 4)).orElseThrow().job().status()).isEqualTo(JobStatus.PENDING);
    }

    @Test
    void progressShowsInTheBadgeOfARunningJobAndEndsWithIt() {
        JobRow row = jobs.apply("fake", Jobs.processing(4, T0, T0.plusSeconds(1)));

        jobs.applyProgress("fake", new JobProgress(4, 42.4, "decoding"));
        assertThat(row.statusProperty().get().text()).isEqualTo("Processing 42 %");
        assertThat(row.progressProperty().get().stage()).isEqualTo("decoding");

        jobs.apply("fake", Jobs.completedFrame(4, T0, T0.plusSeconds(5)));
        assertThat(row.progressProperty().get()).isNull();
        assertThat(row.statusProperty().get().text()).isEqualTo("Completed");

        jobs.applyProgress("fake", new JobProgress(4, 99, "late report"));
        assertThat(row.progressProperty().get()).as("progress after the end is stale").isNull();
    }

    @Test
    void progressForAnUnknownJobIsIgnored() {
        jobs.applyProgress("fake", new JobProgress(99, 10, "decoding"));

        assertThat(jobs.rows()).isEmpty();
    }

    @Test
    void agesFollowTheClockOnlyWhenRefreshed() {
        JobRow row = jobs.apply("fake", Jobs.pending(1, T0));
        assertThat(row.ageProperty().get()).isEqualTo("1 min");

        clock.advance(Duration.ofHours(2));
        assertThat(row.ageProperty().get()).isEqualTo("1 min");

        jobs.refreshAges();
        assertThat(row.ageProperty().get()).isEqualTo("2 h");
    }

    @Test
    void beyondTheLimitTheOldestRowsLeaveButNotTheSelectedOne() {
        for (long id = 1; id <= JobListViewModel.MAX_ROWS; id++) {
            jobs.apply("fake", Jobs.pending(id, T0.plusSeconds(id)));
        }
        jobs.select(jobs.row(new JobKey("fake", 1)).orElseThrow());

        jobs.apply("fake", Jobs.pending(JobListViewModel.MAX_ROWS + 1, T0.plusSeconds(JobListViewModel.MAX_ROWS + 1)));

        assertThat(jobs.rows()).hasSize(JobListViewModel.MAX_ROWS);
        assertThat(jobs.row(new JobKey("fake", 1))).as("selected").isPresent();
        assertThat(jobs.row(new JobKey("fake", 2))).as("oldest unselected").isEmpty();
        assertThat(jobs.rows().get(0).id()).isEqualTo(JobListViewModel.MAX_ROWS + 1);
    }

    private List<Long> ids() {
        return jobs.rows().stream().map(JobRow::id).toList();
    }

    /** A job list showing the fake deployment's jobs. */
    private static JobListViewModel shownFake(JobListViewModel list) {
        list.show("fake");
        return list;
    }
}
