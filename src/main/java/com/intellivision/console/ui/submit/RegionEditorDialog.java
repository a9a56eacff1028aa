package com.intellivision.console.ui.submit;

import com.intellivision.console.ui.common.FxmlViews;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Modality;

/** The region editor in a dialog over the window; its answer is whether people kept what they drew. */
public final class RegionEditorDialog {

    static final String FXML = "/fxml/submit/RegionEditor.fxml";

    private RegionEditorDialog() {}

    /** Shows the editor and waits; true if people chose to use what they drew, which is then complete. */
    static boolean open(Node owner, RegionEditorViewModel editor, String title) {
        FxmlViews.Loaded<RegionEditorView> view = FxmlViews.load(FXML);
        view.controller().bind(editor);
        FxmlViews.ActionDialog shown = FxmlViews.over(owner, title, view.root(), "Use these", "region-dialog");
        shown.dialog().initModality(Modality.WINDOW_MODAL);
        shown.dialog().setResizable(true);
        Button useButton = shown.actionButton();
        useButton.setId("useRegionsButton");
        useButton.disableProperty().bind(editor.completeProperty().not());
        return shown.dialog().showAndWait().filter(shown.action()::equals).isPresent();
    }
}
