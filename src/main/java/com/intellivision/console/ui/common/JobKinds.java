package com.intellivision.console.ui.common;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobType;

/** What people call a job: its type's name, except a filmstrip, which is a frame job with several frames. */
public final class JobKinds {

    private JobKinds() {}

    public static String nameOf(Job job) {
        boolean filmstrip = job.type() == JobType.YOUTUBE_FRAME_EXTRACTION && job.params() != null && job.params().path("count").asInt(1) > 1;
        return filmstrip ? "Filmstrip" : job.type().displayName();
    }
}
