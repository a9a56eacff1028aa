package com.intellivision.console.deployment;

/** Growing, shrinking, pausing and resuming a pool while it runs. */
public interface PoolControl {

    void resize(int workers);

    void pause();

    void resume();

    boolean isPaused();
}
