package com.intellivision.console.worker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.FrameResult;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.ProgressDetails;
import com.intellivision.console.job.Timecode;
import com.intellivision.console.media.ExtractedFrame;
import com.intellivision.console.media.FrameExtractor;
import com.intellivision.console.media.MediaException;
import com.intellivision.console.media.NetworkReading;
import com.intellivision.console.media.Progress;
import com.intellivision.console.media.ReadableSource;
import com.intellivision.console.media.SourceResolver;
import com.intellivision.console.media.VideoSource;
import java.nio.file.Path;
import java.util.List;

/** A {@code youtube_frame_extraction} job: resolve the link, seek, write the frame or the filmstrip. */
final class FrameJob {

    /** A seek lands on the first frame at or after the asked time: never more than a frame later, unless frames were lost. */
    private static final double LATE_FRAME_SECONDS = 0.5;

    private final SourceResolver resolver;
    private final NetworkReading reading;
    private final FrameExtractor extractor;

    FrameJob(SourceResolver resolver, NetworkReading reading) {
        this.resolver = resolver;
        this.reading = reading;
        this.extractor = new FrameExtractor(reading.readTimeout());
    }

    /** A frame after a damaged stretch is either smeared, or later than asked if FFmpeg dropped what it could not read. */
    private static String damageWarning(ExtractedFrame frame) {
        String where = "The video is damaged near " + Timecode.format(frame.requestedSeconds()) + " (FFmpeg: " + frame.damage() + ")";
        if (frame.timestampSeconds() - frame.requestedSeconds() > LATE_FRAME_SECONDS) {
            return where + "; the first frame that could be decoded after it is at " + Timecode.format(frame.timestampSeconds()) + ".";
        }
        return where + "; the frame may show blocks or smears.";
    }

    /** A strip's frame, small for its row and at full size to show large. */
    private static FrameResult.FilmstripFrame filmstripFrame(ExtractedFrame frame) {
        Path fullSize = frame.fullSizeFile() == null ? frame.file() : frame.fullSizeFile();
        return new FrameResult.FilmstripFrame(frame.file().toUri().toString(), frame.timestampSeconds(), fullSize.toUri().toString());
    }

    WorkerMessage run(WorkerMessage.RunJob job, Progress progress) throws MediaException {
        long started = System.nanoTime();
        FrameParams params = new JobRequest(job.jobType(), job.url(), job.params()).frameParams();
        progress.report(2, "resolving URL");
        VideoSource resolved = resolver.resolve(job.url());
        if (resolved.thumbnailUrl() != null) {
            // Something to look at while the exact frame is being extracted.
            progress.report(5, "resolved", ProgressDetails.preview(resolved.thumbnailUrl()));
        }
        try (ReadableSource readable = ReadableSource.prepare(resolved, reading, progress, 5, 10)) {
            try {
                return extract(job, params, readable, started, progress);
            } catch (MediaException failure) {
                throw readable.aboutTheLink(failure);
            }
        }
    }

    private WorkerMessage extract(WorkerMessage.RunJob job, FrameParams params, ReadableSource readable, long started, Progress progress)
            throws MediaException {
        VideoSource source = readable.source();
        Path folder = Path.of(job.outputDir());
        List<ExtractedFrame> frames = extractor.extract(source, params,
                index -> params.isFilmstrip() ? OutputFiles.finished(folder, job.jobId(), index, params.imageFormat())
                        : OutputFiles.finished(folder, job.jobId(), params.imageFormat()),
                params.isFilmstrip() ? index -> OutputFiles.fullSize(folder, job.jobId(), index, params.imageFormat()) : null,
                progress);
        ExtractedFrame first = frames.get(0);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<FrameResult.FilmstripFrame> filmstrip = params.isFilmstrip()
                ? frames.stream().map(FrameJob::filmstripFrame).toList()
                : null;
        List<String> warnings = java.util.stream.Stream.concat(readable.warning().stream(),
                frames.stream().filter(frame -> frame.damage() != null).map(FrameJob::damageWarning)).toList();
        FrameResult result = new FrameResult(first.file().toUri().toString(), FrameResult.STREAM_SEEK, source.title(),
                Math.round(seconds * 1000) / 1000.0, first.width(), first.height(), first.timestampSeconds(), filmstrip,
                warnings.isEmpty() ? null : warnings, source.storyboard(), first.fullWidth(), first.fullHeight());
        ObjectNode results = JobJson.mapper().valueToTree(result);
        return new WorkerMessage.Completed(job.jobId(), results, first.file().toString());
    }
}
