package com.intellivision.console.deployment;

/**
 * The resident-memory limits a deployment holds its workers to: above the soft limit after a job a
 * worker is replaced, above the hard limit during a job it is killed and the job fails.
 */
public record WorkerMemoryLimits(long softBytes, long hardBytes) {

    public WorkerMemoryLimits {
        if (softBytes <= 0 || hardBytes < softBytes) {
            throw new IllegalArgumentException("memory limits need 0 < soft <= hard, not soft " + softBytes + " and hard " + hardBytes);
        }
    }
}
