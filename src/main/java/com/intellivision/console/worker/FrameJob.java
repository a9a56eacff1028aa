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
import java.nio.file.Path;

/** A {@code youtube_frame_extraction} job: resolve the link, seek, write the frame. */
final class FrameJob {

    private final SourceResolver resolver;
    private final FrameExtractor extractor = new FrameExtractor();

    FrameJob(SourceResolver resolver) {
        this.resolver = resolver;
    }

    WorkerMessage run(WorkerMessage.RunJob job, Progress progress) throws MediaException {
        long started = System.nanoTime();
        FrameParams params = new JobRequest(job.jobType(), job.url(), job.params()).frameParams();
        progress.report(2, "resolving URL");
        VideoSource source = resolver.resolve(job.url());
        Path output = OutputFiles.finished(Path.of(job.outputDir()), job.jobId(), params.imageFormat());
        ExtractedFrame frame = extractor.extract(source, params.atSeconds(), output, progress);
        double seconds = (System.nanoTime() - started) / 1e9;
        FrameResult result = new FrameResult(frame.file().toUri().toString(), FrameResult.STREAM_SEEK, source.title(),
                Math.round(seconds * 1000) / 1000.0, frame.width(), frame.height(), frame.timestampSeconds());
        ObjectNode results = JobJson.mapper().valueToTree(result);
        return new WorkerMessage.Completed(job.jobId(), results, frame.file().toString());
    }
}
