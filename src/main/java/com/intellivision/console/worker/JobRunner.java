package com.intellivision.console.worker;

import com.intellivision.console.media.MediaException;
import com.intellivision.console.media.NetworkReading;
import com.intellivision.console.media.Progress;
import com.intellivision.console.media.SharedResolutions;
import com.intellivision.console.media.SourceResolver;
import com.intellivision.console.media.YtDlp;
import com.intellivision.console.media.YtDlpSettings;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/** Runs one job inside a worker process and says how it ended. */
final class JobRunner {

    private final FrameJob frameJob;
    private final PeopleCountJob peopleCountJob;

    /** @param shared where the pool's workers keep the links they resolved, or null */
    JobRunner(YtDlpSettings ytDlp, SharedResolutions shared, NetworkReading reading) {
        SourceResolver resolver = new SourceResolver(new YtDlp(ytDlp, shared));
        this.frameJob = new FrameJob(resolver, reading);
        this.peopleCountJob = new PeopleCountJob(resolver, reading);
    }

    /** @param tell where the job sends what it says before its end (beside its progress) */
    WorkerMessage run(WorkerMessage.RunJob job, Progress progress, Consumer<WorkerMessage> tell) {
        try {
            return switch (job.jobType()) {
                case YOUTUBE_FRAME_EXTRACTION -> frameJob.run(job, progress);
                case PEOPLE_COUNT -> peopleCountJob.run(job, progress, tell);
                default -> new WorkerMessage.Failed(job.jobId(), "Local workers cannot run " + job.jobType().displayName()
                        + " jobs; submit them to an IntelliVision server.");
            };
        } catch (CancellationException cancelled) {
            if (job.part() == null) {
                OutputFiles.deleteAll(Path.of(job.outputDir()), job.jobId());
            } else {
                OutputFiles.deletePart(Path.of(job.outputDir()), job.jobId(), job.part().index());
            }
            return new WorkerMessage.Cancelled(job.jobId());
        } catch (MediaException expected) {
            return new WorkerMessage.Failed(job.jobId(), expected.getMessage());
        } catch (IllegalArgumentException badSettings) {
            return new WorkerMessage.Failed(job.jobId(), "The job's settings are invalid: " + badSettings.getMessage());
        } catch (RuntimeException unexpected) {
            return new WorkerMessage.Failed(job.jobId(), "The worker hit an unexpected error: " + unexpected
                    + ". Retry the job; if it fails again, report it with the console's log.");
        }
    }
}
