package com.intellivision.console.ui.common;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import org.junit.jupiter.api.Test;

class JobKindsTest {

    @Test
    void aFrameJobOfSeveralFramesIsAFilmstripAndTheRestGoByTheirType() {
        assertThat(JobKinds.nameOf(jobOf(JobRequest.frame("/v/a.mp4", FrameParams.filmstrip(8, "jpg", 320))))).isEqualTo("Filmstrip");
        assertThat(JobKinds.nameOf(jobOf(JobRequest.frame("/v/a.mp4", FrameParams.at(3.0))))).isEqualTo("Frame");
        assertThat(JobKinds.nameOf(jobOf(JobRequest.count("/v/a.mp4", null)))).isEqualTo("People count");
    }

    private static Job jobOf(JobRequest request) {
        return new Job(1, request.type(), JobStatus.PENDING, request.url(), (ObjectNode) request.params(), null, null, null, 0, 0, false, T0, T0);
    }
}
