package com.intellivision.console.app;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs the demo submits, each there to show one thing: frames, a filmstrip and people counts that
 * complete, a count whose worker is killed in the middle (requeued, run again), a count of a larger
 * video whose memory spike takes its worker past the soft memory limit (recycled after it), a file that is not a
 * video (failed, saying so), and a count uploaded to the serve.
 */
final class DemoWorkload {

    private static final Logger LOG = LoggerFactory.getLogger(DemoWorkload.class);

    /** One submitted job, on its deployment, and what it is there to show. */
    record DemoJob(Deployment deployment, long jobId, String shows) {}

    private final List<DemoJob> jobs;
    private final MidJobCrash crash;

    private DemoWorkload(List<DemoJob> jobs, MidJobCrash crash) {
        this.jobs = List.copyOf(jobs);
        this.crash = crash;
    }

    /** Submits the workload: to {@code local}, a local pool, and to {@code serve} where there is one. */
    static DemoWorkload submit(Deployment local, Optional<Deployment> serve, DemoVideos videos) {
        List<DemoJob> jobs = new ArrayList<>();
        jobs.add(submit(local, JobRequest.frame(pathOf(videos.walkers()), FrameParams.at(3.0)), "a frame"));
        jobs.add(submit(local, JobRequest.frame(pathOf(videos.walkers()), FrameParams.filmstrip(8, "jpg", 320)), "a filmstrip"));
        jobs.add(submit(local, JobRequest.frame(pathOf(videos.notAVideo()), FrameParams.at(null)), "a job that fails: not a video"));
        videos.vtest().ifPresent(vtest -> jobs.add(submit(local, JobRequest.frame(pathOf(vtest), FrameParams.at(20.0)), "a frame of vtest.avi")));
        DemoJob crashed = submit(local, JobRequest.count(pathOf(videos.walkers()), CountParams.defaults()),
                "a people count whose worker is killed mid-job");
        jobs.add(crashed);
        MidJobCrash crash = MidJobCrash.of(local, crashed.jobId());
        jobs.add(submit(local, JobRequest.count(pathOf(videos.largeWalkers()), CountParams.defaults()),
                "a people count past the soft memory limit"));
        serve.ifPresent(remote -> {
            // A serve takes frames by link only, and refuses links to this machine; a count's video can be uploaded.
            jobs.add(submit(remote, JobRequest.count(pathOf(videos.walkers()), CountParams.defaults()), "a people count on the serve"));
        });
        return new DemoWorkload(jobs, crash);
    }

    private static DemoJob submit(Deployment deployment, JobRequest request, String shows) {
        Job job = deployment.submit(request);
        LOG.info("demo: job #{} on {}: {}", job.id(), deployment.displayName(), shows);
        return new DemoJob(deployment, job.id(), shows);
    }

    private static String pathOf(Path video) {
        return video.toAbsolutePath().toString();
    }

    List<DemoJob> jobs() {
        return jobs;
    }

    /** The job whose worker is killed under it. */
    MidJobCrash crash() {
        return crash;
    }

    /** Waits until every job has ended and returns them as they ended, in the order they were submitted. */
    List<Job> awaitEnd(Duration within) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<Job> ended = new ArrayList<>();
        for (DemoJob job : jobs) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            ended.add(job.deployment().awaitTerminal(job.jobId(), left));
        }
        return ended;
    }
}
