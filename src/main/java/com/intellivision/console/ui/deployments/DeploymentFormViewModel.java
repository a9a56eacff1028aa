package com.intellivision.console.ui.deployments;

import com.intellivision.console.deployment.CatalogEditor.SavedSecrets;
import com.intellivision.console.deployment.CatalogEditor.TypedSecrets;
import com.intellivision.console.deployment.CatalogEditor;
import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.settings.DeploymentKind;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.ui.common.Failures;
import com.intellivision.console.ui.common.TaskRunner;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The form that adds an IntelliVision server or a console's serve, or changes one: its name and address, the tokens people
 * paste (there is no user name and password exchange on the server), and an optional Flower. "Test"
 * connects without saving; "Save" saves and connects. Saved tokens are never read back into the form:
 * a blank field keeps what was saved.
 */
public final class DeploymentFormViewModel {

    static final String SAVED = "saved — leave blank to keep it";

    private final TaskRunner tasks;
    private final CatalogEditor editor;
    private final DeploymentSettings editing;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final StringProperty accessToken = new SimpleStringProperty("");
    private final StringProperty refreshToken = new SimpleStringProperty("");
    private final StringProperty flowerUrl = new SimpleStringProperty("");
    private final StringProperty flowerUser = new SimpleStringProperty("");
    private final StringProperty flowerPassword = new SimpleStringProperty("");
    private final StringProperty queueAlertAbove = new SimpleStringProperty(Integer.toString(DeploymentSettings.DEFAULT_QUEUE_ALERT_ABOVE));
    private final ReadOnlyStringWrapper accessPrompt = new ReadOnlyStringWrapper("eyJhbGciOi…");
    private final ReadOnlyStringWrapper refreshPrompt = new ReadOnlyStringWrapper("optional: renews the access token");
    private final ReadOnlyStringWrapper flowerPasswordPrompt = new ReadOnlyStringWrapper("optional");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testPassed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final boolean accessSaved;

    /** @param editing the deployment changed, or null to add one */
    public DeploymentFormViewModel(TaskRunner tasks, CatalogEditor editor, DeploymentSettings editing) {
        this.tasks = tasks;
        this.editor = editor;
        this.editing = editing;
        SavedSecrets saved = editing == null ? SavedSecrets.NONE : editor.savedSecretsOf(editing.id());
        this.accessSaved = saved.accessToken();
        if (editing != null) {
            name.set(editing.name());
            baseUrl.set(editing.baseUrl());
            flowerUrl.set(editing.flowerUrl() == null ? "" : editing.flowerUrl());
            flowerUser.set(editing.flowerUser() == null ? "" : editing.flowerUser());
            queueAlertAbove.set(Integer.toString(editing.queueAlertAbove()));
            if (saved.accessToken()) {
                accessPrompt.set(SAVED);
            }
            if (saved.refreshToken()) {
                refreshPrompt.set(SAVED);
            }
            if (saved.flowerPassword()) {
                flowerPasswordPrompt.set(SAVED);
            }
        }
        for (StringProperty field : new StringProperty[] {name, baseUrl, accessToken, refreshToken, flowerUrl, flowerUser, flowerPassword,
                queueAlertAbove}) {
            field.addListener((property, before, after) -> {
                problem.set("");
                testResult.set("");
                testPassed.set(false);
            });
        }
    }

    /** The settings the form describes, or empty with {@link #problemProperty()} saying what is wrong. */
    Optional<DeploymentSettings> settings() {
        try {
            int alertAbove;
            try {
                alertAbove = Integer.parseInt(queueAlertAbove.get().strip());
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("The queue alert needs a number of waiting jobs, such as 100.");
            }
            DeploymentSettings described = editing == null
                    ? DeploymentSettings.create(name.get(), DeploymentKind.INTELLIVISION, baseUrl.get())
                    : editing.withName(name.get()).withBaseUrl(baseUrl.get());
            return Optional.of(described.withFlowerUrl(flowerUrl.get()).withFlowerUser(flowerUser.get()).withQueueAlertAbove(alertAbove));
        } catch (IllegalArgumentException invalid) {
            problem.set(invalid.getMessage());
            return Optional.empty();
        }
    }

    private TypedSecrets typed() {
        return new TypedSecrets(accessToken.get(), refreshToken.get(), flowerPassword.get());
    }

    private boolean hasAccessToken() {
        if (accessSaved || !accessToken.get().isBlank()) {
            return true;
        }
        problem.set("Paste the access token the server gave you; the console signs in with it.");
        return false;
    }

    /** Connects with what the form says, without saving; the result shows under the form. */
    public void test() {
        Optional<DeploymentSettings> described = settings();
        if (described.isEmpty() || !hasAccessToken() || working.get()) {
            return;
        }
        working.set(true);
        testResult.set("Connecting to " + described.get().baseUrl() + "…");
        tasks.run(() -> editor.testConnection(described.get(), typed()), answer -> {
            working.set(false);
            testPassed.set(true);
            testResult.set(answer);
        }, failure -> {
            working.set(false);
            testPassed.set(false);
            testResult.set("");
            problem.set(Failures.messageOf(failure));
        });
    }

    /** Saves and connects; {@code onSaved} gets the deployment, on the UI thread. */
    public void save(Consumer<Deployment> onSaved) {
        Optional<DeploymentSettings> described = settings();
        if (described.isEmpty() || !hasAccessToken() || working.get()) {
            return;
        }
        working.set(true);
        tasks.run(() -> editing == null ? editor.add(described.get(), typed()) : editor.update(described.get(), typed()), saved -> {
            working.set(false);
            onSaved.accept(saved);
        }, failure -> {
            working.set(false);
            problem.set(Failures.messageOf(failure));
        });
    }

    public boolean isNew() {
        return editing == null;
    }

    /** Where the tokens will be kept, for people. */
    public String secretsLocation() {
        return editor.secretsLocation();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty accessTokenProperty() {
        return accessToken;
    }

    public StringProperty refreshTokenProperty() {
        return refreshToken;
    }

    public StringProperty flowerUrlProperty() {
        return flowerUrl;
    }

    public StringProperty flowerUserProperty() {
        return flowerUser;
    }

    public StringProperty flowerPasswordProperty() {
        return flowerPassword;
    }

    public StringProperty queueAlertAboveProperty() {
        return queueAlertAbove;
    }

    public ReadOnlyStringProperty accessPromptProperty() {
        return accessPrompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty refreshPromptProperty() {
        return refreshPrompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty flowerPasswordPromptProperty() {
        return flowerPasswordPrompt.getReadOnlyProperty();
    }

    /** What is wrong with the form or what the server said, for people; empty when nothing is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the last test found, e.g. "Connected as ivtest"; empty before one. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testPassedProperty() {
        return testPassed.getReadOnlyProperty();
    }

    /** A test or a save is on its way. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Whether the form has what a save needs, as far as can be told without asking. */
    public BooleanBinding completeBinding() {
        return Bindings.createBooleanBinding(() -> !name.get().isBlank() && !baseUrl.get().isBlank()
                && (accessSaved || !accessToken.get().isBlank()), name, baseUrl, accessToken);
    }
}
