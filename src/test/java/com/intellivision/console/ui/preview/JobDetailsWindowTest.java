package com.intellivision.console.ui.preview;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.ui.common.FxmlViews;
import com.intellivision.console.ui.common.FxmlViews.Loaded;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.Jobs;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The job's parameters and results as JSON under "Details": shown when unfolded, following the job's
 * changes while unfolded, and not shaped into lines while folded.
 */
@ExtendWith(ApplicationExtension.class)
class JobDetailsWindowTest {

    private final SimpleObjectProperty<JobRow> selected = new SimpleObjectProperty<>();
    private final JobDetailsViewModel details = new JobDetailsViewModel(selected, ZoneOffset.UTC);

    @Start
    void open(Stage stage) {
        stage.setOnHiding(null);
        Loaded<JobDetailsView> view = FxmlViews.load("/fxml/preview/JobDetails.fxml");
        view.controller().bind(details);
        stage.setScene(new Scene(view.root(), 700, 500));
        stage.show();
    }

    @Test
    void theJsonShowsWhenUnfoldedAndFollowsTheJobOnlyWhileUnfolded(FxRobot robot) throws Exception {
        TitledPane pane = robot.lookup("#detailsPane").queryAs(TitledPane.class);
        TextArea results = robot.lookup("#resultsJson").queryAs(TextArea.class);
        TextArea parameters = robot.lookup("#parametersText").queryAs(TextArea.class);
        JobRow row = new JobRow("local", Jobs.pending(7, T0), T0);
        robot.interact(() -> selected.set(row));
        Job done = Jobs.completedFrame(7, T0, T0.plusSeconds(3));

        robot.interact(() -> row.update(done));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(results.getText()).as("folded: not shaped").isEmpty();

        robot.clickOn("Details");
        assertThat(pane.isExpanded()).isTrue();
        assertThat(JobJson.mapper().readTree(results.getText())).isEqualTo(done.results());
        assertThat(parameters.getText()).isEqualTo(details.parametersProperty().get()).isNotEmpty();

        Job failed = Jobs.failed(7, T0, T0.plusSeconds(5), "Video unavailable");
        robot.interact(() -> row.update(failed));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> results.getText().equals(details.resultsProperty().get()));
        assertThat(results.getText()).isNotEqualTo(JobJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(done.results()));
    }
}
