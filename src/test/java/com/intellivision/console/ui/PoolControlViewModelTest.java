package com.intellivision.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.PoolControl;
import com.intellivision.console.job.EngineEvent.PoolChanged;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The workers spinner and the pause button, against a fake pool; background calls wait in a queue. */
class PoolControlViewModelTest {

    private final FakeDeployment deployment = new FakeDeployment().withPool(false);
    private final RecordedNotices notices = new RecordedNotices();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final PoolControlViewModel pool = new PoolControlViewModel(new TaskRunner(background::add, Runnable::run), notices);

    @Test
    void hiddenUntilTheDeploymentOffersControl() {
        assertThat(pool.availableProperty().get()).isFalse();

        pool.attach(deployment.pool.orElseThrow(), 3, false);

        assertThat(pool.availableProperty().get()).isTrue();
        assertThat(pool.sizeProperty().get()).isEqualTo(3);
        assertThat(background).as("showing the size is not a resize").isEmpty();
    }

    @Test
    void thePoolsReportsMoveTheSpinnerWithoutResizingAgain() {
        pool.attach(deployment.pool.orElseThrow(), 2, false);

        pool.apply(new PoolChanged(5, false));

        assertThat(pool.sizeProperty().get()).isEqualTo(5);
        assertThat(background).isEmpty();
        assertThat(deployment.calls).doesNotContain("resize 5");
    }

    @Test
    void turningTheSpinnerResizesThePoolInTheBackground() {
        pool.attach(deployment.pool.orElseThrow(), 2, false);

        pool.sizeProperty().set(4);
        assertThat(deployment.calls).as("not on the UI thread").isEmpty();
        background.poll().run();

        assertThat(deployment.calls).containsExactly("resize 4");
    }

    @Test
    void quickTurnsSendOneResizeAtATimeAndEndOnTheLastWish() {
        pool.attach(deployment.pool.orElseThrow(), 2, false);

        pool.sizeProperty().set(3);
        pool.sizeProperty().set(4);
        pool.sizeProperty().set(5);
        assertThat(background).hasSize(1);
        background.poll().run();
        // The report of the first resize arrives while the spinner already says 5: it must not jump back.
        pool.apply(new PoolChanged(3, false));
        assertThat(pool.sizeProperty().get()).isEqualTo(5);
        background.poll().run();

        assertThat(deployment.calls).containsExactly("resize 3", "resize 5");
        assertThat(background).isEmpty();
        pool.apply(new PoolChanged(5, false));
        assertThat(pool.sizeProperty().get()).isEqualTo(5);
    }

    @Test
    void theSpinnerStaysWithinOneToSixteenWorkers() {
        pool.attach(deployment.pool.orElseThrow(), 40, false);
        assertThat(pool.sizeProperty().get()).isEqualTo(PoolControlViewModel.MAX_WORKERS);

        pool.sizeProperty().set(0);
        background.poll().run();
        assertThat(deployment.calls).containsExactly("resize 1");
    }

    @Test
    void aFailedResizePutsTheSpinnerBackAndSaysWhy() {
        PoolControlViewModel failing = new PoolControlViewModel(new TaskRunner(Runnable::run, Runnable::run), notices);
        failing.attach(new RefusingPool(), 2, false);

        failing.sizeProperty().set(6);

        assertThat(failing.sizeProperty().get()).isEqualTo(2);
        assertThat(notices.problems).containsExactly("Could not change the pool to 6 workers: not enough memory for 6 workers");
    }

    @Test
    void pauseAndResumeFollowThePoolsReports() {
        pool.attach(deployment.pool.orElseThrow(), 2, false);

        pool.togglePause();
        assertThat(pool.switchingProperty().get()).isTrue();
        pool.togglePause();
        background.poll().run();
        assertThat(deployment.calls).containsExactly("pause");
        assertThat(pool.pausedProperty().get()).as("paused once the pool says so").isFalse();

        pool.apply(new PoolChanged(2, true));
        assertThat(pool.pausedProperty().get()).isTrue();

        pool.togglePause();
        background.poll().run();
        assertThat(deployment.calls).containsExactly("pause", "resume");
    }

    @Test
    void aReportThatArrivedBeforeTheWindowOpenedIsNotUndoneByTheOlderListing() {
        pool.apply(new PoolChanged(4, true));

        pool.attach(deployment.pool.orElseThrow(), 2, false);

        assertThat(pool.sizeProperty().get()).isEqualTo(4);
        assertThat(pool.pausedProperty().get()).isTrue();
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
