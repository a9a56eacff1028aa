package com.intellivision.console.ui.common;

import javafx.animation.AnimationTimer;

/**
 * Runs a piece of view work at the start of the next pulse instead of the current one, once however
 * often it was asked for. A change that touches several views (the selected job completing) would
 * otherwise build, style and lay out all of them in one pulse, long enough to be seen as a stutter;
 * a costly part moved to the next pulse splits that time in two. Use it only on the FX thread.
 */
public final class NextPulse {

    private final Runnable work;
    private boolean due;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            due = false;
            work.run();
        }
    };

    public NextPulse(Runnable work) {
        this.work = work;
    }

    /** Has the work run at the start of the next pulse; asked again before then, it still runs once. */
    public void request() {
        if (!due) {
            due = true;
            timer.start();
        }
    }
}
