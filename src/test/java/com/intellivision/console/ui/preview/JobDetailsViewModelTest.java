package com.intellivision.console.ui.preview;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.Jobs;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class JobDetailsViewModelTest {

    private final SimpleObjectProperty<JobRow> selected = new SimpleObjectProperty<>();
    private final JobDetailsViewModel details = new JobDetailsViewModel(selected, ZoneOffset.UTC);

    @Test
    void theSelectedJobsRecordIsShownAsJsonAndFollowsItsChanges() throws Exception {
        assertThat(details.availableProperty().get()).isFalse();
        Job pending = Jobs.pending(7, T0);
        JobRow row = new JobRow("local", pending, T0);

        selected.set(row);

        assertThat(details.availableProperty().get()).isTrue();
        assertThat(details.resultsProperty().get()).isEqualTo("No results yet: the job has not ended.");
        assertThat(details.summaryProperty().get()).startsWith("youtube_frame_extraction · " + pending.attempts() + (pending.attempts() == 1 ? " attempt" : " attempts") + " · created 2025-03-01 10:00:00");

        Job done = Jobs.completedFrame(7, T0, T0.plusSeconds(3));
        row.update(done);

        assertThat(JobJson.mapper().readTree(details.resultsProperty().get())).isEqualTo(done.results());
        assertThat(details.resultsProperty().get()).contains("\n  \"").as("pretty, one field a line");
        assertThat(details.summaryProperty().get()).contains("updated 2025-03-01 10:00:03");

        selected.set(null);
        assertThat(details.availableProperty().get()).isFalse();
        assertThat(details.resultsProperty().get()).isEmpty();
    }

    @Test
    void resultsAreWrittenAsJsonOnlyWhenReadAndOnceForEachChange() {
        Job done = Jobs.completedFrame(7, T0, T0.plusSeconds(3));
        Probe probe = new Probe();
        ObjectNode results = JobJson.mapper().createObjectNode();
        results.putPOJO("probe", probe);
        JobRow row = new JobRow("local", withResults(done, results, T0.plusSeconds(3)), T0);
        selected.set(row);
        for (int change = 4; change < 10; change++) {
            row.update(withResults(done, results, T0.plusSeconds(change)));
        }
        assertThat(probe.reads).as("nothing read the results yet").isZero();

        assertThat(details.resultsProperty().get()).contains("\"probe\"", "\"read\" : 1");
        details.resultsProperty().get();
        assertThat(probe.reads).as("written once for the last change").isEqualTo(1);
    }

    private static Job withResults(Job job, ObjectNode results, Instant updatedAt) {
        return new Job(job.id(), job.type(), job.status(), job.youtubeUrl(), job.params(), results, job.outputImage(), job.error(),
                job.attempts(), job.priority(), job.deadLetter(), job.createdAt(), updatedAt);
    }

    /** Counts how often the results were written out. */
    static final class Probe {
        int reads;

        public int getRead() {
            return ++reads;
        }
    }

    @Test
    void aRetryWithANewJobIsLinkedBothWaysAndALinkSelectsItsJob() {
        List<JobRow> known = new ArrayList<>();
        List<JobKey> shown = new ArrayList<>();
        JobDetailsViewModel linked = new JobDetailsViewModel(selected, ZoneOffset.UTC, row -> known.stream()
                .filter(other -> Long.valueOf(row.id()).equals(other.job().retryOf())).map(JobRow::id).toList(), shown::add);
        JobRow original = new JobRow("serve", Jobs.failed(4, T0, T0, "Video unavailable"), T0);
        JobRow retry = new JobRow("serve", Jobs.pending(9, T0).withRetryOf(4L), T0);
        known.addAll(List.of(original, retry));

        selected.set(retry);
        assertThat(linked.retryOfProperty().get()).isEqualTo(4L);
        assertThat(linked.retriedBy()).isEmpty();
        linked.showLinked(4);
        assertThat(shown).containsExactly(new JobKey("serve", 4));

        selected.set(original);
        assertThat(linked.retryOfProperty().get()).isNull();
        assertThat(linked.retriedBy()).containsExactly(9L);
    }
}
