package com.intellivision.console.job;

/** How well the console can reach a deployment, as its health dot shows it. */
public enum ConnectionState {
    /** Answering as it should. */
    CONNECTED,
    /** Answering late or with errors now and then; the console keeps trying. */
    DEGRADED,
    /** Not answering, or refusing the console's credentials; what it showed last stays readable. */
    DOWN,
    /** Answering, but refusing new jobs until it has room; nothing is wrong with it. */
    BUSY
}
