package com.intellivision.console.deployment;

/** A worker with a pool of processes of its own (a Celery worker) grows or shrinks it by some processes. */
public interface WorkerPoolControl {

    void grow(String workerId, int processes);

    void shrink(String workerId, int processes);
}
