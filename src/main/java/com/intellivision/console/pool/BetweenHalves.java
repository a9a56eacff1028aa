package com.intellivision.console.pool;

/**
 * Told when a change of a job's status is half stored, within its transaction. Tests stop the process
 * there, to prove that a first half never stays without its second; the console passes {@link #NONE}.
 */
@FunctionalInterface
interface BetweenHalves {

    BetweenHalves NONE = (transition, jobId) -> {};

    void reached(Transition transition, long jobId);

    /** The changes of status whose two statements are stored one after the other. */
    enum Transition {
        /** Between marking a job processing and opening its attempt. */
        CLAIM,
        /** Between ending a running job's attempt and storing the job's outcome. */
        END
    }
}
