package com.intellivision.console.ui.preview;

import com.intellivision.console.job.PeopleCountResult.Sample;
import com.intellivision.console.ui.common.ImageSlot;
import com.intellivision.console.ui.common.NextPulse;
import com.intellivision.console.ui.preview.PeopleCountViewModel.AlertLine;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/** A completed people count: the annotated frame large, the count big, the timeline chart and the alerts. */
public final class PeopleCountView {

    @FXML private Node countFace;
    @FXML private Region countImageHolder;
    @FXML private ImageView countImage;
    @FXML private ProgressIndicator countImageLoading;
    @FXML private Label countImageProblem;
    @FXML private ZoomableImageView countZoomController;
    @FXML private Pane countBoxes;
    @FXML private ProgressIndicator sampleLoading;
    @FXML private Label countFrameCaption;
    @FXML private Button busiestFrameButton;
    @FXML private ToggleButton boxesToggle;
    @FXML private Tooltip boxesTooltip;
    @FXML private Label countFrameProblem;
    @FXML private LiveCountView liveCountController;
    @FXML private Node countSummary;
    @FXML private Label personCount;
    @FXML private Label countFacts;
    @FXML private Label countDetails;
    @FXML private AreaChart<Number, Number> timelineChart;
    @FXML private NumberAxis timelineTime;
    @FXML private ScrollPane countAlertsScroller;
    @FXML private VBox countAlerts;

    private final XYChart.Series<Number, Number> timeline = new XYChart.Series<>();

    /** The count's face of the preview; its visibility is the preview's to decide. */
    Node face() {
        return countFace;
    }

    void bind(PeopleCountViewModel viewModel) {
        ImageSlot image = new ImageSlot(countImage, countImageLoading, countImageProblem, "annotated frame");
        countZoomController.bind(viewModel.zoom(), countImageHolder, countImage);
        bindFrameChoice(viewModel.frame(), viewModel.zoom());
        // While the count runs its latest frame stands in for the finished count's frame and figures.
        liveCountController.bind(viewModel.live());
        showWhen(liveCountController.face(), viewModel.live().activeProperty());
        showWhen(countImageHolder, viewModel.live().activeProperty().not());
        showWhen(countSummary, viewModel.live().activeProperty().not());
        viewModel.imageUrlProperty().addListener((property, before, url) -> image.show(url));
        image.show(viewModel.imageUrlProperty().get());
        personCount.textProperty().bind(viewModel.countTextProperty());
        countFacts.textProperty().bind(viewModel.factsProperty());
        countDetails.textProperty().bind(viewModel.detailsProperty());

        timelineChart.getData().add(timeline);
        timelineTime.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                long whole = Math.round(seconds.doubleValue());
                return whole / 60 + ":" + String.format(Locale.ROOT, "%02d", whole % 60);
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the time axis is not edited");
            }
        });
        // The chart's points are laid out a pulse after the rest of the count, which arrives with them.
        NextPulse timelineUpdate = new NextPulse(() -> showTimeline(viewModel.timeline()));
        viewModel.timeline().addListener((ListChangeListener<Sample>) change -> timelineUpdate.request());
        showTimeline(viewModel.timeline());
        // A server's count may have no timeline; an empty chart would only take room.
        timelineChart.visibleProperty().bind(Bindings.isNotEmpty(viewModel.timeline()));
        timelineChart.managedProperty().bind(timelineChart.visibleProperty());

        countAlertsScroller.visibleProperty().bind(Bindings.isNotEmpty(viewModel.alerts()));
        countAlertsScroller.managedProperty().bind(countAlertsScroller.visibleProperty());
        viewModel.alerts().addListener((ListChangeListener<AlertLine>) change -> showAlerts(viewModel.alerts()));
        showAlerts(viewModel.alerts());
    }

    /** The boxes toggle, the way back to the busiest frame, and a click on the chart showing that moment's frame. */
    private void bindFrameChoice(CountFrameViewModel frame, ZoomViewModel zoom) {
        BoxOverlay.bind(countBoxes, zoom, frame.overlay());
        sampleLoading.visibleProperty().bind(frame.loadingProperty());
        countFrameCaption.textProperty().bind(frame.captionProperty());
        busiestFrameButton.visibleProperty().bind(frame.shownSampleProperty().isNotNull());
        busiestFrameButton.setOnAction(event -> frame.showBusiest());
        boxesToggle.selectedProperty().bindBidirectional(frame.boxesShownProperty());
        // On an older count's busiest frame the boxes are in the picture; they can still be hidden on samples' frames.
        boxesToggle.disableProperty().bind(frame.boxesToggleOfferedProperty().not().and(frame.shownSampleProperty().isNull()));
        boxesTooltip.textProperty().bind(Bindings.when(frame.boxesNoteProperty().isEmpty())
                .then("Show or hide the box around each person").otherwise(frame.boxesNoteProperty()));
        countFrameProblem.textProperty().bind(frame.problemProperty());
        countFrameProblem.visibleProperty().bind(frame.problemProperty().isNotEmpty());
        countFrameProblem.managedProperty().bind(countFrameProblem.visibleProperty());
        Tooltip.install(timelineChart, new Tooltip("Click the chart to see the frame of that moment, with its people boxed"));
        timelineChart.setOnMouseClicked(event -> {
            Point2D onAxis = timelineTime.sceneToLocal(event.getSceneX(), event.getSceneY());
            if (onAxis.getX() >= 0 && onAxis.getX() <= timelineTime.getWidth()) {
                frame.showSampleNear(timelineTime.getValueForDisplay(onAxis.getX()).doubleValue());
            }
        });
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private void showTimeline(List<Sample> samples) {
        timeline.getData().setAll(samples.stream()
                .map(sample -> new XYChart.Data<Number, Number>(sample.timestamp(), sample.count()))
                .toList());
    }

    private void showAlerts(List<AlertLine> alerts) {
        countAlerts.getChildren().setAll(alerts.stream().map(PeopleCountView::alertRow).toList());
    }

    private static Node alertRow(AlertLine alert) {
        FontIcon icon = new FontIcon("fth-alert-triangle");
        Label message = new Label(alert.message());
        message.setWrapText(true);
        message.getStyleClass().add("count-alert-message");
        HBox.setHgrow(message, Priority.ALWAYS);
        Label when = new Label(alert.when());
        when.getStyleClass().add("count-alert-time");
        when.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(icon, message, when);
        row.getStyleClass().add("count-alert");
        return row;
    }
}
