package com.intellivision.console.ui.preview;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.Jobs;
import java.time.ZoneOffset;
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
}
