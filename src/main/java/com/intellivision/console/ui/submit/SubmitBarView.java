package com.intellivision.console.ui.submit;

import atlantafx.base.theme.Styles;
import com.intellivision.console.ui.submit.JobKind.Regions;
import java.io.File;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;

/**
 * The form at the top of the window: what to do with the URL, the URL (or a file), that kind's
 * settings (a timestamp, a number of frames, a sample rate, or lines and zones to draw), and Submit
 * (also on Enter). Only what the deployment shown runs is offered.
 */
public final class SubmitBarView {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    @FXML private ToggleButton frameKind;
    @FXML private ToggleButton filmstripKind;
    @FXML private ToggleButton countKind;
    @FXML private MenuButton analysisKind;
    @FXML private TextField urlField;
    @FXML private Button browseButton;
    @FXML private TextField timestampField;
    @FXML private Label chosenTimeNote;
    @FXML private Node filmstripSettings;
    @FXML private Spinner<Integer> filmstripCount;
    @FXML private Node countSettings;
    @FXML private TextField countFps;
    @FXML private Node regionSettings;
    @FXML private Button drawButton;
    @FXML private Label regionsSummary;
    @FXML private Button submitButton;
    @FXML private Label formProblem;
    @FXML private Label formProgress;
    @FXML private LinkCardView linkCardController;

    /**
     * @param submit submits what the form describes
     * @param regionEditor makes the editor for the lines or zones of the URL in the form
     */
    public void bind(SubmitBarViewModel viewModel, Runnable submit, Function<Regions, RegionEditorViewModel> regionEditor) {
        bindKindChoice(viewModel);
        urlField.textProperty().bindBidirectional(viewModel.urlProperty());
        linkCardController.bind(viewModel.linkCard(), viewModel.urlProperty());
        browseButton.setOnAction(event -> chooseFile(viewModel));
        timestampField.textProperty().bindBidirectional(viewModel.timestampProperty());
        filmstripCount.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                SubmitBarViewModel.MIN_FILMSTRIP, SubmitBarViewModel.MAX_FILMSTRIP, viewModel.filmstripCountProperty().get()));
        filmstripCount.getValueFactory().valueProperty().bindBidirectional(viewModel.filmstripCountProperty());
        countFps.textProperty().bindBidirectional(viewModel.countFpsProperty());
        bindRegions(viewModel, regionEditor);

        submitButton.disableProperty().bind(viewModel.canSubmitProperty().not());
        // Submit is the default button, so Enter in any field presses it.
        submitButton.setOnAction(event -> submit.run());

        formProblem.textProperty().bind(viewModel.problemProperty());
        showWhen(formProblem, viewModel.problemProperty().isNotEmpty());
        formProgress.textProperty().bind(viewModel.progressNoteProperty());
        showWhen(formProgress, viewModel.progressNoteProperty().isNotEmpty());

        viewModel.timestampErrorProperty().addListener((property, before, after) ->
                timestampField.pseudoClassStateChanged(Styles.STATE_DANGER, !after.isEmpty()));
        viewModel.countFpsErrorProperty().addListener((property, before, after) ->
                countFps.pseudoClassStateChanged(Styles.STATE_DANGER, !after.isEmpty()));
        viewModel.submittingProperty().addListener((property, before, submitting) -> {
            if (!submitting) {
                urlField.requestFocus();
            }
        });
    }

    /** Puts the keyboard in the link field, at its end, so that Enter submits what was put there. */
    public void focusSource() {
        urlField.requestFocus();
        urlField.end();
    }

    /** Stops the link card's wait for the typing to pause: a window closing looks nothing up. */
    public void close() {
        linkCardController.close();
    }

    /** Three toggles and a menu acting as one choice; only the chosen kind's settings are shown. */
    private void bindKindChoice(SubmitBarViewModel viewModel) {
        Map<JobKind, ToggleButton> buttons = Map.of(JobKind.FRAME, frameKind, JobKind.FILMSTRIP, filmstripKind, JobKind.COUNT, countKind);
        ToggleGroup group = new ToggleGroup();
        buttons.forEach((kind, button) -> {
            button.setUserData(kind);
            button.setToggleGroup(group);
        });
        showKind(group, buttons, viewModel.kindProperty().get());
        group.selectedToggleProperty().addListener((property, before, after) -> {
            if (after != null) {
                viewModel.kindProperty().set((JobKind) after.getUserData());
            } else if (viewModel.kindProperty().get().isCommon()) {
                // One kind is always chosen: clicking the chosen one again keeps it.
                group.selectToggle(before);
            }
        });
        viewModel.kindProperty().addListener((property, before, kind) -> showKind(group, buttons, kind));

        showWhen(filmstripKind, viewModel.filmstripOfferedProperty());
        showWhen(countKind, viewModel.countOfferedProperty());
        showWhen(analysisKind, Bindings.isNotEmpty(viewModel.offeredAnalyses()));
        viewModel.offeredAnalyses().addListener((ListChangeListener<JobKind>) change -> offerAnalyses(viewModel));
        offerAnalyses(viewModel);

        BooleanBinding frame = viewModel.kindProperty().isEqualTo(JobKind.FRAME);
        showWhen(timestampField, frame.and(viewModel.chosenTimeOfferedProperty()));
        chosenTimeNote.textProperty().bind(viewModel.chosenTimeReasonProperty());
        // The note gives way to the URL field on a narrow window; its tooltip keeps it whole.
        Tooltip wholeNote = new Tooltip();
        wholeNote.textProperty().bind(viewModel.chosenTimeReasonProperty());
        chosenTimeNote.setTooltip(wholeNote);
        showWhen(chosenTimeNote, frame.and(viewModel.chosenTimeOfferedProperty().not()));
        showOnlyFor(filmstripSettings, viewModel, JobKind.FILMSTRIP);
        showOnlyFor(countSettings, viewModel, JobKind.COUNT);
    }

    private void showKind(ToggleGroup group, Map<JobKind, ToggleButton> buttons, JobKind kind) {
        group.selectToggle(buttons.get(kind));
        boolean analysis = !kind.isCommon();
        analysisKind.setText(analysis ? kind.label() : "More");
        analysisKind.pseudoClassStateChanged(SELECTED, analysis);
    }

    private void offerAnalyses(SubmitBarViewModel viewModel) {
        // The last button shown ends the segmented choice with a rounded edge.
        countKind.getStyleClass().removeAll("center-pill", "right-pill");
        countKind.getStyleClass().add(viewModel.offeredAnalyses().isEmpty() ? "right-pill" : "center-pill");
        analysisKind.getItems().setAll(viewModel.offeredAnalyses().stream().map(kind -> {
            MenuItem item = new MenuItem(kind.label());
            item.setId("analysis-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setOnAction(event -> viewModel.kindProperty().set(kind));
            return item;
        }).toList());
    }

    /** Lines or zones are drawn on a frame of the video, in a dialog, once a URL is in. */
    private void bindRegions(SubmitBarViewModel viewModel, Function<Regions, RegionEditorViewModel> regionEditor) {
        BooleanBinding lines = Bindings.createBooleanBinding(() -> viewModel.kindProperty().get().regions() == Regions.LINES, viewModel.kindProperty());
        BooleanBinding zones = Bindings.createBooleanBinding(() -> viewModel.kindProperty().get().regions() == Regions.ZONES, viewModel.kindProperty());
        showWhen(regionSettings, lines.or(zones));
        drawButton.textProperty().bind(Bindings.when(lines).then("Draw lines…").otherwise("Draw zones…"));
        drawButton.disableProperty().bind(viewModel.urlProperty().isEmpty());
        drawButton.setTooltip(new Tooltip("Draw on a frame of the video, taken by the local pool"));
        regionsSummary.textProperty().bind(Bindings.createStringBinding(() -> summaryOf(viewModel),
                viewModel.kindProperty(), viewModel.linesProperty(), viewModel.zonesProperty()));
        drawButton.setOnAction(event -> {
            Regions regions = viewModel.kindProperty().get().regions();
            RegionEditorViewModel editor = regionEditor.apply(regions);
            String title = regions == Regions.LINES ? "Draw the two lines people cross" : "Draw the zones to watch";
            if (RegionEditorDialog.open(drawButton, editor, title)) {
                editor.drawnLines().ifPresent(viewModel.linesProperty()::set);
                editor.drawnZones().ifPresent(viewModel.zonesProperty()::set);
            }
        });
    }

    private static String summaryOf(SubmitBarViewModel viewModel) {
        return switch (viewModel.kindProperty().get().regions()) {
            case NONE -> "";
            case LINES -> viewModel.linesProperty().get() == null ? "none yet" : "2 lines drawn";
            case ZONES -> viewModel.zonesProperty().get() == null ? "none yet"
                    : viewModel.zonesProperty().get().zones().size() + (viewModel.zonesProperty().get().zones().size() == 1 ? " zone" : " zones");
        };
    }

    private void chooseFile(SubmitBarViewModel viewModel) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a video");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Videos", "*.mp4", "*.mkv", "*.webm", "*.mov", "*.avi", "*.m4v", "*.ts"),
                new FileChooser.ExtensionFilter("Images (for image analyses)", "*.jpg", "*.jpeg", "*.png"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(urlField.getScene().getWindow());
        if (chosen != null) {
            viewModel.urlProperty().set(chosen.getAbsolutePath());
        }
    }

    private static void showOnlyFor(Node settings, SubmitBarViewModel viewModel, JobKind kind) {
        showWhen(settings, viewModel.kindProperty().isEqualTo(kind));
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
