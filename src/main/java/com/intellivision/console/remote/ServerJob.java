package com.intellivision.console.remote;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.Job;
import java.util.List;

/**
 * A job as an IntelliVision server reports it.
 *
 * @param job the server's job in the domain's terms; its {@code outputImage} is null, since the image is
 *            still on the server
 * @param progress the server's progress figures, or null when it reports none
 * @param imageUrls absolute URLs of the job's output image, to try in order: the server's {@code output_image}
 *                  can be a broken URL while {@code results.frame_url} is right
 */
public record ServerJob(Job job, EngineEvent.JobProgress progress, List<String> imageUrls) {

    public ServerJob {
        imageUrls = List.copyOf(imageUrls);
    }
}
