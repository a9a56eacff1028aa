package com.intellivision.console.ui.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.Capabilities;
import com.intellivision.console.deployment.PoolControl;
import com.intellivision.console.job.EngineEvent.PoolChanged;
import com.intellivision.console.ui.common.FakeDeployment;
import com.intellivision.console.ui.common.RecordedNotices;
import com.intellivision.console.ui.common.TaskRunner;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The workers spinner and the pause button, against a fake pool; background calls wait in a queue. */
public class PoolControlViewModelTest {

    private final FakeDeployment deployment = new FakeDeployment().withPool(false);
    private final RecordedNotices notices = new RecordedNotices();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final PoolControlViewModel pool = new PoolControlViewModel(new TaskRunner(background::add, Runnable::run), notices);

    @Test
    void hiddenUntilTheDeploymentOffersControl() {
        assertThat(pool.availableProperty().get()).isFalse();

        attach(pool, deployment.pool.orElseThrow(), 3, false);

        assertThat(pool.availableProperty().get()).isTrue();
        assertThat(pool.sizeProperty().get()).isEqualTo(3);
        assertThat(background).as("showing the size is not a resize").isEmpty();
    }

    @Test
    void thePoolsReportsMoveTheSpinnerWithoutResizingAgain() {
        attach(pool, deployment.pool.orElseThrow(), 2, false);

        pool.apply("fake", new PoolChanged(5, false));

        assertThat(pool.sizeProperty().get()).isEqualTo(5);
        assertThat(background).isEmpty();
        assertThat(deployment.calls).doesNotContain("resize 5");
    }

    @Test
    void turningTheSpinnerResizesThePoolInTheBackground() {
        attach(pool, deployment.pool.orElseThrow(), 2, false);

        pool.sizeProperty().set(4);
        assertThat(deployment.calls).as("not on the UI thread").isEmpty();
        background.poll().run();

        assertThat(deployment.calls).containsExactly("resize 4");
    }

    @Test
    void quickTurnsSendOneResizeAtATimeAndEndOnTheLastWish() {
        attach(pool, deployment.pool.orElseThrow(), 2, false);

        pool.sizeProperty().set(3);
        pool.sizeProperty().set(4);
        pool.sizeProperty().set(5);
        assertThat(background).hasSize(1);
        background.poll().run();
        // The report of the first resize arrives while the spinner already says 5: it must not jump back.
        pool.apply("fake", new PoolChanged(3, false));
        assertThat(pool.sizeProperty().get()).isEqualTo(5);
        background.poll().run();

        assertThat(deployment.calls).containsExactly("resize 3", "resize 5");
        assertThat(background).isEmpty();
        pool.apply("fake", new PoolChanged(5, false));
        assertThat(pool.sizeProperty().get()).isEqualTo(5);
    }

    @Test
    void theSpinnerStaysWithinOneToSixteenWorkers() {
        attach(pool, deployment.pool.orElseThrow(), 40, false);
        assertThat(pool.sizeProperty().get()).isEqualTo(PoolControlViewModel.MAX_WORKERS);

        pool.sizeProperty().set(0);
        background.poll().run();
        assertThat(deployment.calls).containsExactly("resize 1");
    }

    @Test
    void aFailedResizePutsTheSpinnerBackAndSaysWhy() {
        PoolControlViewModel failing = new PoolControlViewModel(new TaskRunner(Runnable::run, Runnable::run), notices);
        attach(failing, new RefusingPool(), 2, false);

        failing.sizeProperty().set(6);

        assertThat(failing.sizeProperty().get()).isEqualTo(2);
        assertThat(notices.problems).containsExactly("Could not change the pool to 6 workers: not enough memory for 6 workers");
    }

    @Test
    void pauseAndResumeFollowThePoolsReports() {
        attach(pool, deployment.pool.orElseThrow(), 2, false);

        pool.togglePause();
        assertThat(pool.switchingProperty().get()).isTrue();
        pool.togglePause();
        background.poll().run();
        assertThat(deployment.calls).containsExactly("pause");
        assertThat(pool.pausedProperty().get()).as("paused once the pool says so").isFalse();

        pool.apply("fake", new PoolChanged(2, true));
        assertThat(pool.pausedProperty().get()).isTrue();

        pool.togglePause();
        background.poll().run();
        assertThat(deployment.calls).containsExactly("pause", "resume");
    }

    @Test
    void aReportThatArrivedBeforeTheWindowOpenedIsNotUndoneByTheOlderListing() {
        pool.apply("fake", new PoolChanged(4, true));

        attach(pool, deployment.pool.orElseThrow(), 2, false);

        assertThat(pool.sizeProperty().get()).isEqualTo(4);
        assertThat(pool.pausedProperty().get()).isTrue();
    }

    /** Shows the fake deployment's pool, as it was when the window opened. */
    private static void attach(PoolControlViewModel viewModel, PoolControl control, int workers, boolean paused) {
        viewModel.show("fake", Optional.of(control), Capabilities.full(Set.of()));
        viewModel.attach("fake", workers, paused);
    }

    @Test
    void aDeploymentWithoutPoolControlHidesItWithItsReason() {
        pool.show("prod", Optional.empty(), Capabilities.full(Set.of()).without(Capabilities.Feature.POOL_CONTROL,
                "The server's Celery workers decide how many jobs run at once."));

        assertThat(pool.availableProperty().get()).isFalse();
        assertThat(pool.unavailableReasonProperty().get()).isEqualTo("The server's Celery workers decide how many jobs run at once.");
    }

    @Test
    void switchingBackShowsWhatTheOtherPoolLastReported() {
        attach(pool, deployment.pool.orElseThrow(), 2, false);
        pool.apply("other", new PoolChanged(7, true));
        assertThat(pool.sizeProperty().get()).as("another deployment's report changes nothing shown").isEqualTo(2);

        pool.show("other", deployment.pool, Capabilities.full(Set.of()));

        assertThat(pool.sizeProperty().get()).isEqualTo(7);
        assertThat(pool.pausedProperty().get()).isTrue();
        assertThat(deployment.calls).as("showing is not resizing").doesNotContain("resize 7");
    }

    /** A pool that cannot grow. */
    private static final class RefusingPool implements PoolControl {
        @Override
        public void resize(int workers) {
            throw new IllegalStateException("not enough memory for " + workers + " workers");
        }

        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public boolean isPaused() {
            return false;
        }
    }
}
