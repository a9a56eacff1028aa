package com.intellivision.console.ui.preview;

import com.intellivision.console.ui.common.NextPulse;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The job's links to the jobs a retry with changes made ("Retry of #4", "Retried as #9"), each
 * selecting its job, and its parameters and results as JSON, folded under the attempts, each with a
 * copy button.
 */
public final class JobDetailsView {

    private static final Duration COPIED_NOTICE = Duration.seconds(1.5);

    @FXML private FlowPane retryLinks;
    @FXML private TitledPane detailsPane;
    @FXML private Label detailsSummary;
    @FXML private TextArea parametersText;
    @FXML private TextArea resultsJson;
    @FXML private Button copyParametersButton;
    @FXML private Button copyResultsButton;

    public void bind(JobDetailsViewModel viewModel) {
        detailsPane.visibleProperty().bind(viewModel.availableProperty());
        detailsPane.managedProperty().bind(detailsPane.visibleProperty());
        detailsSummary.textProperty().bind(viewModel.summaryProperty());
        // Long JSON costs as much to shape into lines as the rest of a job's change: it is shaped only
        // while the details are unfolded (folded, the text areas are still measured), and a pulse later.
        Runnable showJson = () -> {
            if (detailsPane.isExpanded()) {
                parametersText.setText(viewModel.parametersProperty().get());
                resultsJson.setText(viewModel.resultsProperty().get());
            }
        };
        NextPulse jsonUpdate = new NextPulse(showJson);
        viewModel.parametersProperty().addListener(changed -> jsonUpdate.request());
        viewModel.resultsProperty().addListener(changed -> jsonUpdate.request());
        detailsPane.expandedProperty().addListener((property, before, expanded) -> showJson.run());
        showJson.run();
        copyParametersButton.setOnAction(event -> copy(viewModel.parametersProperty(), copyParametersButton));
        copyResultsButton.setOnAction(event -> copy(viewModel.resultsProperty(), copyResultsButton));
        InvalidationListener relink = observable -> showLinks(viewModel);
        viewModel.retryOfProperty().addListener(relink);
        viewModel.retriedBy().addListener(relink);
        showLinks(viewModel);
    }

    private void showLinks(JobDetailsViewModel viewModel) {
        retryLinks.getChildren().clear();
        Long original = viewModel.retryOfProperty().get();
        if (original != null) {
            retryLinks.getChildren().add(link("Retry of #" + original, "retryOfLink", original, viewModel));
        }
        List<Long> retries = viewModel.retriedBy();
        for (int index = 0; index < retries.size(); index++) {
            long retry = retries.get(index);
            retryLinks.getChildren().add(link((index == 0 ? "Retried as #" : "#") + retry, "retriedAsLink" + retry, retry, viewModel));
        }
        boolean any = !retryLinks.getChildren().isEmpty();
        retryLinks.setVisible(any);
        retryLinks.setManaged(any);
    }

    private static Hyperlink link(String text, String id, long jobId, JobDetailsViewModel viewModel) {
        Hyperlink link = new Hyperlink(text, new FontIcon(text.startsWith("Retry of") ? "fth-corner-up-left" : "fth-corner-down-right"));
        link.setId(id);
        link.getStyleClass().add("retry-link");
        link.setTooltip(new Tooltip("Select job #" + jobId));
        link.setOnAction(event -> viewModel.showLinked(jobId));
        return link;
    }

    private static void copy(ObservableStringValue text, Button button) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text.get());
        Clipboard.getSystemClipboard().setContent(content);
        String label = button.getText();
        button.setText("Copied");
        PauseTransition restore = new PauseTransition(COPIED_NOTICE);
        restore.setOnFinished(done -> button.setText(label));
        restore.play();
    }
}
