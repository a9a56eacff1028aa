package com.intellivision.console.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobStatus;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** What a console's serve adds to a job and its events, read as the console's domain. */
class ServerJobMapperTest {

    private final ServerJobMapper mapper = new ServerJobMapper(HttpUrl.get("http://127.0.0.1:8000/"));

    @Test
    void aServesCancelledJobIsCancelledWithItsAttemptsAndDeadLetter() throws Exception {
        Job job = mapper.map(json("""
                {"id": 7, "status": "failed", "job_type": "youtube_frame_extraction", "cancelled": true, "attempts": 3, "dead_letter": true,
                 "results": {"error": "Cancelled while it ran.", "error_type": "JobCancelled"}, "youtube_url": "https://youtu.be/x",
                 "created_at": "2026-12-01T10:00:00Z", "updated_at": "2026-12-01T10:00:05Z"}""")).orElseThrow().job();

        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.error()).isEqualTo("Cancelled while it ran.");
        assertThat(job.attempts()).isEqualTo(3);
        assertThat(job.deadLetter()).isTrue();
    }

    @Test
    void anIntelliVisionFailureStaysFailedWithItsType() throws Exception {
        Job job = mapper.map(json("""
                {"id": 8, "status": "failed", "job_type": "people-count", "results": {"error": "No video", "error_type": "ValueError"},
                 "created_at": "2026-12-01T10:00:00Z", "updated_at": "2026-12-01T10:00:05Z"}""")).orElseThrow().job();

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo("ValueError: No video");
        assertThat(job.attempts()).as("IntelliVision does not count them").isEqualTo(1);
    }

    @Test
    void aProgressEventKeepsAThumbnailOnTheWebAndNothingElse() throws Exception {
        JobProgress withThumbnail = mapper.progressEvent(json("""
                {"job_id": 4, "percentage": 42.5, "stage": "counting", "processed_frames": 85, "total_frames": 200,
                 "preview_url": "https://i.ytimg.com/vi/abc/hqdefault.jpg"}"""));
        JobProgress withPath = mapper.progressEvent(json("""
                {"job_id": 4, "percentage": 50, "stage": "counting", "preview_url": "file:///home/someone/frames/4.jpg"}"""));

        assertThat(withThumbnail.jobId()).isEqualTo(4);
        assertThat(withThumbnail.stage()).isEqualTo("counting");
        assertThat(withThumbnail.percentage()).isEqualTo(42.5);
        assertThat(withThumbnail.details().processedFrames()).isEqualTo(85);
        assertThat(withThumbnail.details().previewUrl()).isEqualTo("https://i.ytimg.com/vi/abc/hqdefault.jpg");
        assertThat(withPath.details().previewUrl()).isNull();
    }

    @Test
    void aProgressEventWithoutAJobIsMalformed() {
        assertThatThrownBy(() -> mapper.progressEvent(json("{\"percentage\": 10}"))).isInstanceOf(MalformedReply.class);
    }

    private static JsonNode json(String text) throws Exception {
        return JobJson.mapper().readTree(text);
    }
}
