package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import com.intellivision.console.testsupport.EngineProbe;
import com.intellivision.console.testsupport.TestVideos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many queued jobs on few workers: all end, in order of submission within each priority, none twice. */
class QueueOrderTest {

    @TempDir
    Path temp;

    @Test
    void twoHundredJobsOnTwoWorkersRunInOrderOfPriorityThenSubmissionAndOnlyOnce() throws Exception {
        Path clip = TestVideos.writeFrameCodedVideo(temp.resolve("clip.mp4"), 2, 25, 160, 90);
        try (LocalEngine engine = LocalEngine.start(PoolConfig.defaults(temp.resolve("data")).withWorkerCount(2))) {
            EngineProbe.Recorder events = new EngineProbe.Recorder();
            engine.subscribe(events);
            engine.pause();
            List<Job> submitted = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // Every fourth job is a people count, which yields to the frames queued after it.
                JobRequest request = i % 4 == 3 ? new JobRequest(JobType.PEOPLE_COUNT, clip.toString(), null)
                        : JobRequest.frame(clip.toString(), FrameParams.at(0.5));
                submitted.add(engine.submit(request));
            }
            engine.resume();

            for (Job job : submitted) {
                Job ended = engine.awaitTerminal(job.id(), Duration.ofSeconds(120));
                assertThat(ended.attempts()).isEqualTo(1);
                assertThat(ended.status()).as(ended.error()).isEqualTo(JobStatus.COMPLETED);
                if (job.type() == JobType.PEOPLE_COUNT) {
                    assertThat(ended.results().get("person_count").asInt()).as("the clip shows no one").isZero();
                }
            }
            List<Long> started = events.all(EngineEvent.JobChanged.class, e -> e.job().status() == JobStatus.PROCESSING)
                    .stream().map(e -> e.job().id()).toList();
            List<Long> expectedOrder = new ArrayList<>();
            submitted.stream().filter(job -> job.type() == JobType.YOUTUBE_FRAME_EXTRACTION).map(Job::id).forEach(expectedOrder::add);
            submitted.stream().filter(job -> job.type() == JobType.PEOPLE_COUNT).map(Job::id).forEach(expectedOrder::add);
            assertThat(started).as("each job started once, frames first, each type oldest first").containsExactlyElementsOf(expectedOrder);
        }
    }
}
