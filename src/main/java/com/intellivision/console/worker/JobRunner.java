package com.intellivision.console.worker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.FrameResult;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.media.ExtractedFrame;
import com.intellivision.console.media.FrameExtractor;
import com.intellivision.console.media.MediaException;
import com.intellivision.console.media.Progress;
import com.intellivision.console.media.SourceResolver;
import com.intellivision.console.media.VideoSource;
import com.intellivision.console.media.YtDlp;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

/** Runs one job inside a worker process and says how it ended. */
final class JobRunner {

    private final SourceResolver resolver;
    private final FrameExtractor frameExtractor = new FrameExtractor();

    JobRunner(String ytDlpCommand) {
        this.resolver = new SourceResolver(new YtDlp(ytDlpCommand));
    }

    WorkerMessage run(WorkerMessage.RunJob job, Progress progress) {
        try {
            return switch (job.jobType()) {
                case YOUTUBE_FRAME_EXTRACTION -> extractFrame(job, progress);
                case PEOPLE_COUNT -> new WorkerMessage.Failed(job.jobId(),
                        "people counting is not available in this version of the console. Submit a frame extraction instead.");
            };
        } catch (CancellationException cancelled) {
            OutputFiles.deleteAll(Path.of(job.outputDir()), job.jobId());
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

    private WorkerMessage extractFrame(WorkerMessage.RunJob job, Progress progress) throws MediaException {
        long started = System.nanoTime();
        FrameParams params = new JobRequest(job.jobType(), job.url(), job.params()).frameParams();
        progress.report(2, "resolving URL");
        VideoSource source = resolver.resolve(job.url());
        Path output = OutputFiles.finished(Path.of(job.outputDir()), job.jobId(), params.imageFormat());
        ExtractedFrame frame = frameExtractor.extract(source, params.atSeconds(), output, progress);
        double seconds = (System.nanoTime() - started) / 1e9;
        FrameResult result = new FrameResult(frame.file().toUri().toString(), FrameResult.STREAM_SEEK, source.title(),
                Math.round(seconds * 1000) / 1000.0, frame.width(), frame.height(), frame.timestampSeconds());
        ObjectNode results = JobJson.mapper().valueToTree(result);
        return new WorkerMessage.Completed(job.jobId(), results, frame.file().toString());
    }
}
