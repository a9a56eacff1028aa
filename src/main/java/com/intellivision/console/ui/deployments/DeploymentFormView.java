package com.intellivision.console.ui.deployments;

import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** The fields of the deployment form, bound to its view model; the dialog around it saves. */
public final class DeploymentFormView {

    private static final PseudoClass PASSED = PseudoClass.getPseudoClass("passed");

    @FXML private TextField deploymentNameField;
    @FXML private TextField deploymentUrlField;
    @FXML private PasswordField accessTokenField;
    @FXML private PasswordField refreshTokenField;
    @FXML private TextField flowerUrlField;
    @FXML private TextField flowerUserField;
    @FXML private PasswordField flowerPasswordField;
    @FXML private TextField queueAlertField;
    @FXML private Label secretsNote;
    @FXML private Button testButton;
    @FXML private Label testResult;
    @FXML private Label deploymentProblem;

    void bind(DeploymentFormViewModel form) {
        deploymentNameField.textProperty().bindBidirectional(form.nameProperty());
        deploymentUrlField.textProperty().bindBidirectional(form.baseUrlProperty());
        accessTokenField.textProperty().bindBidirectional(form.accessTokenProperty());
        refreshTokenField.textProperty().bindBidirectional(form.refreshTokenProperty());
        flowerUrlField.textProperty().bindBidirectional(form.flowerUrlProperty());
        flowerUserField.textProperty().bindBidirectional(form.flowerUserProperty());
        flowerPasswordField.textProperty().bindBidirectional(form.flowerPasswordProperty());
        queueAlertField.textProperty().bindBidirectional(form.queueAlertAboveProperty());
        accessTokenField.promptTextProperty().bind(form.accessPromptProperty());
        refreshTokenField.promptTextProperty().bind(form.refreshPromptProperty());
        flowerPasswordField.promptTextProperty().bind(form.flowerPasswordPromptProperty());
        secretsNote.setText("Tokens and passwords are kept in " + form.secretsLocation() + ", never in the settings file or the logs."
                + " An IntelliVision server has no sign-in page: paste the tokens it issued (an access token lasts 2 hours, a refresh"
                + " token 7 days). For another console running serve, paste the token it printed; it has no refresh token or Flower.");

        testButton.disableProperty().bind(form.workingProperty());
        testButton.setOnAction(event -> form.test());
        testResult.textProperty().bind(form.testResultProperty());
        form.testPassedProperty().addListener((property, before, passed) ->
                testResult.pseudoClassStateChanged(PASSED, passed));
        deploymentProblem.textProperty().bind(form.problemProperty());
        deploymentProblem.visibleProperty().bind(form.problemProperty().isNotEmpty());
        deploymentProblem.managedProperty().bind(deploymentProblem.visibleProperty());
        deploymentNameField.requestFocus();
    }
}
