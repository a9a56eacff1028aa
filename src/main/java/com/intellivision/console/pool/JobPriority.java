package com.intellivision.console.pool;

import com.intellivision.console.job.JobType;

/** Which jobs go first: lower numbers first, so a quick preview frame jumps ahead of a long people count. */
final class JobPriority {

    private JobPriority() {}

    static int of(JobType type) {
        return switch (type) {
            case YOUTUBE_FRAME_EXTRACTION -> 0;
            case PEOPLE_COUNT -> 10;
            // Only a server runs the other kinds; they never reach the local queue.
            default -> 20;
        };
    }
}
