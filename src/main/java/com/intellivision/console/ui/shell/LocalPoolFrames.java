package com.intellivision.console.ui.shell;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.FrameResult;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.ui.common.FrameResults;
import com.intellivision.console.ui.deployments.DeploymentListViewModel;
import com.intellivision.console.ui.submit.RegionEditorViewModel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Frames the region editor draws on and frames of a count's samples, taken by the local pool whatever
 * deployment is shown: it has the video's pixels at hand.
 */
final class LocalPoolFrames {

    /** Long enough for a frame of a long video over a slow link; the job itself goes on regardless. */
    private static final Duration FRAME_FOR_DRAWING = Duration.ofMinutes(2);

    private final DeploymentListViewModel deployments;

    LocalPoolFrames(DeploymentListViewModel deployments) {
        this.deployments = deployments;
    }

    /** Takes a frame of a video with the local pool, and waits for it; run in the background. */
    RegionEditorViewModel.Frame grab(String url) {
        Job done = take(url, FrameParams.at(null));
        FrameResult frame = FrameResults.of(done).orElseThrow();
        return new RegionEditorViewModel.Frame(FrameResults.imageUrlOf(done, frame), frame.width(), frame.height());
    }

    /** The frame of a count's video at one of its samples, as an image URL; run in the background. */
    String sampleAt(Job count, double seconds) {
        Job done = take(count.youtubeUrl(), new FrameParams(seconds, "jpg"));
        return FrameResults.imageUrlOf(done, FrameResults.of(done).orElseThrow());
    }

    private Job take(String url, FrameParams params) {
        Deployment local = deployments.entry(Deployment.LOCAL_ID).orElseThrow().deployment();
        Job submitted = local.submit(JobRequest.frame(url, params));
        Job done;
        try {
            done = local.awaitTerminal(submitted.id(), FRAME_FOR_DRAWING);
        } catch (TimeoutException slow) {
            throw new IllegalStateException("the local pool did not take the frame within " + FRAME_FOR_DRAWING.toSeconds()
                    + " s; job #" + submitted.id() + " goes on, and its frame can be asked for again once it is done");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the console was closing", interrupted);
        }
        Optional<FrameResult> frame = FrameResults.of(done);
        String imageUrl = frame.map(result -> FrameResults.imageUrlOf(done, result)).orElse(null);
        if (frame.isEmpty() || imageUrl == null) {
            throw new IllegalStateException(done.error() == null ? "job #" + done.id() + " made no frame" : done.error());
        }
        return done;
    }
}
