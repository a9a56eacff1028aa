package com.intellivision.console.ui.shell;

import com.intellivision.console.deployment.DeploymentCatalog;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.common.JobRow;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's real window, headless, for the benchmarks (not a test): JavaFX on Monocle's headless
 * screen with the software renderer, as the UI tests run it, opened by {@link ConsoleSession} on the
 * deployments given; and what the benchmarks watch in it: the FX thread's pulses, a frame asked for in
 * the submit bar until the preview paints it.
 */
public final class HeadlessConsole implements AutoCloseable {

    /**
     * The system properties surefire gives the UI tests (pom.xml's surefire configuration), for a JVM
     * that starts the toolkit itself. They only count when set before the toolkit starts.
     */
    private static final Map<String, String> HEADLESS_FX = Map.of(
            "testfx.robot", "glass",
            "testfx.headless", "true",
            "prism.order", "sw",
            "prism.text", "t2k",
            "glass.platform", "Monocle",
            "monocle.platform", "Headless",
            "headless.geometry", "1440x900-32",
            "java.awt.headless", "true");
    private static final long FX_TIMEOUT_SECONDS = 60;

    private final Stage stage;
    private final ConsoleSession session;
    private final FxRobot robot = new FxRobot();

    private HeadlessConsole(Stage stage, ConsoleSession session) {
        this.stage = stage;
        this.session = session;
    }

    /** Starts the headless toolkit (once per JVM) and shows the console on {@code catalog}'s deployments. */
    public static HeadlessConsole open(DeploymentCatalog catalog) throws TimeoutException {
        HEADLESS_FX.forEach(System::setProperty);
        Stage stage = FxToolkit.registerPrimaryStage();
        ConsoleSession session = onFx(() -> ConsoleSession.open(stage, catalog, address -> { }));
        return new HeadlessConsole(stage, session);
    }

    /** Runs {@code work} on the FX thread and returns what it returned. */
    public static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(FX_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            throw new IllegalStateException("on the FX thread: " + failed.getCause(), failed.getCause());
        } catch (InterruptedException | TimeoutException stuck) {
            throw new IllegalStateException("the FX thread did not answer within " + FX_TIMEOUT_SECONDS + " s", stuck);
        }
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    public void waitUntil(Callable<Boolean> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the window did not get there within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    /** Rows in the jobs table. */
    public int jobRows() {
        return onFx(() -> session.viewModel().jobList().rows().size());
    }

    /** Selects a job in the table, as a click on its row does, so the preview shows it. */
    public void select(String deploymentId, long jobId) {
        onFx(() -> {
            MainViewModel viewModel = session.viewModel();
            viewModel.jobList().select(viewModel.jobList().row(new JobKey(deploymentId, jobId)).orElseThrow(
                    () -> new IllegalStateException("no row for job " + jobId)));
            return null;
        });
    }

    /** Runs {@code before} ahead of each pulse's CSS and layout passes on the window's scene, {@code after} once they are done. */
    public void aroundEachLayout(Runnable before, Runnable after) {
        onFx(() -> {
            stage.getScene().addPreLayoutPulseListener(before);
            stage.getScene().addPostLayoutPulseListener(after);
            return null;
        });
    }

    /** Starts recording the FX thread's pulses; see {@link Pulses}. */
    public Pulses recordPulses() {
        Pulses pulses = new Pulses();
        onFx(() -> {
            pulses.start();
            return null;
        });
        return pulses;
    }

    /**
     * When every pulse came while it records. It is an {@link AnimationTimer}, whose {@code handle}
     * runs at the start of each pulse on the FX thread: while one runs, the toolkit keeps a pulse due
     * every frame (60 a second), so a gap longer than a frame is time the FX thread was held up (by
     * events, layout, CSS, or waiting for the renderer). A scene's pulse listeners would not do: the
     * toolkit skips pulses while nothing in the scene changed, so an idle window's gaps between them
     * would measure idleness, not lateness.
     */
    public static final class Pulses {

        private long[] nanos = new long[4096];
        private int count;
        private final AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                // The moment the FX thread got to the pulse; the pulse's own time stamp is taken earlier.
                if (count == nanos.length) {
                    nanos = Arrays.copyOf(nanos, count * 2);
                }
                nanos[count++] = System.nanoTime();
            }
        };

        private void start() {
            timer.start();
        }

        /** Stops recording and returns when each pulse came (System.nanoTime()), in order. */
        public long[] stop() {
            return onFx(() -> {
                timer.stop();
                return Arrays.copyOf(nanos, count);
            });
        }
    }

    /**
     * One frame asked for in the submit bar, as a person does it, and when each step of it happened
     * (System.nanoTime()).
     *
     * @param enterNanos when the window got the Enter key (a key-pressed filter on the scene)
     * @param imageSetNanos when the preview was given the new frame's image, which starts loading it in the background
     * @param loadedNanos when that image had loaded (on the FX thread)
     * @param paintedNanos the next pulse after that, which hands the scene with the image to the renderer
     *     (a post-layout pulse listener)
     * @param jobId the job the submission made, as the table then selects it
     * @param imageUrl the image the preview shows
     */
    public record FrameAsked(long enterNanos, long imageSetNanos, long loadedNanos, long paintedNanos, long jobId, String imageUrl) {

        public double enterToPaintedMillis() {
            return (paintedNanos - enterNanos) / 1e6;
        }

        public double enterToImageSetMillis() {
            return (imageSetNanos - enterNanos) / 1e6;
        }

        public double loadingMillis() {
            return (loadedNanos - imageSetNanos) / 1e6;
        }

        public double loadedToPaintedMillis() {
            return (paintedNanos - loadedNanos) / 1e6;
        }
    }

    /**
     * Types {@code url} into the URL field and {@code timestamp} into the timestamp field with TestFX's
     * robot (real key events through Glass, headless), waits until Submit may be pressed, presses Enter
     * in the URL field and waits until the preview has painted the new frame.
     */
    public FrameAsked askForFrame(String url, String timestamp, Duration timeout) throws Exception {
        TextField timestampField = robot.lookup("#timestampField").queryAs(TextField.class);
        int typedBefore = onFx(() -> timestampField.getText().length());
        robot.clickOn(timestampField).type(KeyCode.END).eraseText(typedBefore).write(timestamp);
        robot.clickOn("#urlField").write(url);
        Button submit = robot.lookup("#submitButton").queryButton();
        waitUntil(() -> !submit.isDisabled() && timestamp.equals(timestampField.getText()), timeout);

        ImageView preview = robot.lookup("#framePreview").queryAs(ImageView.class);
        Scene scene = stage.getScene();
        long[] at = new long[4];
        CompletableFuture<Long> painted = new CompletableFuture<>();
        EventHandler<KeyEvent> enter = event -> {
            if (event.getCode() == KeyCode.ENTER && at[0] == 0) {
                at[0] = System.nanoTime();
            }
        };
        ChangeListener<Image> newImage = (property, before, image) -> {
            if (image != null && at[0] != 0 && at[1] == 0) {
                at[1] = System.nanoTime();
                whenLoaded(image, () -> {
                    at[2] = System.nanoTime();
                    Runnable[] next = new Runnable[1];
                    next[0] = () -> {
                        at[3] = System.nanoTime();
                        scene.removePostLayoutPulseListener(next[0]);
                        painted.complete(at[3]);
                    };
                    scene.addPostLayoutPulseListener(next[0]);
                    Platform.requestNextPulse();
                }, painted);
            }
        };
        onFx(() -> {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, enter);
            preview.imageProperty().addListener(newImage);
            return null;
        });
        try {
            robot.type(KeyCode.ENTER);
            painted.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            onFx(() -> {
                scene.removeEventFilter(KeyEvent.KEY_PRESSED, enter);
                preview.imageProperty().removeListener(newImage);
                return null;
            });
        }
        JobRow selected = onFx(() -> session.viewModel().jobList().selectedRowProperty().get());
        String imageUrl = onFx(() -> preview.getImage().getUrl());
        return new FrameAsked(at[0], at[1], at[2], at[3], selected.job().id(), imageUrl);
    }

    /**
     * Pastes {@code link} into the URL field (the whole text at once, as a paste sets it) and returns
     * the milliseconds until the first pulse after its card shows what the link leads to; then empties
     * the field again.
     */
    public double pasteToCardMillis(String link, Duration timeout) throws Exception {
        Node found = robot.lookup("#linkFound").query();
        TextField field = robot.lookup("#urlField").queryAs(TextField.class);
        Scene scene = stage.getScene();
        CompletableFuture<Long> painted = new CompletableFuture<>();
        ChangeListener<Boolean> shown = (property, before, visible) -> {
            if (visible) {
                Runnable[] next = new Runnable[1];
                next[0] = () -> {
                    scene.removePostLayoutPulseListener(next[0]);
                    painted.complete(System.nanoTime());
                };
                scene.addPostLayoutPulseListener(next[0]);
                Platform.requestNextPulse();
            }
        };
        long pasted = onFx(() -> {
            found.visibleProperty().addListener(shown);
            field.setText(link);
            return System.nanoTime();
        });
        try {
            return (painted.get(timeout.toMillis(), TimeUnit.MILLISECONDS) - pasted) / 1e6;
        } finally {
            onFx(() -> {
                found.visibleProperty().removeListener(shown);
                field.setText("");
                return null;
            });
        }
    }

    /** Runs {@code loaded} on the FX thread once {@code image} has loaded; fails {@code failed} if it cannot be. */
    private static void whenLoaded(Image image, Runnable loaded, CompletableFuture<?> failed) {
        if (image.isError()) {
            failed.completeExceptionally(new IllegalStateException("the preview could not load " + image.getUrl(), image.getException()));
        } else if (image.getProgress() >= 1) {
            loaded.run();
        } else {
            ChangeListener<Number> progress = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Number> property, Number before, Number after) {
                    if (after.doubleValue() >= 1 || image.isError()) {
                        image.progressProperty().removeListener(this);
                        whenLoaded(image, loaded, failed);
                    }
                }
            };
            image.progressProperty().addListener(progress);
            image.errorProperty().addListener((property, before, error) -> {
                if (error) {
                    whenLoaded(image, loaded, failed);
                }
            });
        }
    }

    /** Closes the window and its deployments, and ends the toolkit. */
    @Override
    public void close() throws TimeoutException {
        try {
            onFx(() -> {
                session.closeView();
                return null;
            });
            session.closeDeployment();
            FxToolkit.cleanupStages();
        } finally {
            Platform.exit();
        }
    }
}
