package com.intellivision.console.worker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.CountSegment;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.PeopleCountResult;
import com.intellivision.console.media.MediaException;
import com.intellivision.console.media.NetworkReading;
import com.intellivision.console.media.PeopleCounter;
import com.intellivision.console.media.Progress;
import com.intellivision.console.media.ReadableSource;
import com.intellivision.console.media.SourceResolver;
import com.intellivision.console.media.VideoSource;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A {@code people-count} job: resolve the link, count the people, write the busiest frame boxed and as it was. */
final class PeopleCountJob {

    private static final String IMAGE_FORMAT = "png";

    private final SourceResolver resolver;
    private final NetworkReading reading;
    private final PeopleCounter counter;

    PeopleCountJob(SourceResolver resolver, NetworkReading reading) {
        this.resolver = resolver;
        this.reading = reading;
        this.counter = new PeopleCounter(reading.readTimeout());
    }

    /** @param tell where to say, for the first part of a split count, into how many parts the video is cut */
    WorkerMessage run(WorkerMessage.RunJob job, Progress progress, Consumer<WorkerMessage> tell) throws MediaException {
        long started = System.nanoTime();
        CountParams params = new JobRequest(job.jobType(), job.url(), job.params()).countParams();
        progress.report(2, "resolving URL");
        try (ReadableSource readable = ReadableSource.prepare(resolver.resolve(job.url()), reading, progress, 2, 5)) {
            try {
                return job.part() == null ? count(job, params, readable, started, progress)
                        : countPart(job, params, readable, started, progress, tell);
            } catch (MediaException failure) {
                throw readable.aboutTheLink(failure);
            }
        }
    }

    private WorkerMessage count(WorkerMessage.RunJob job, CountParams params, ReadableSource readable, long started, Progress progress)
            throws MediaException {
        VideoSource source = readable.source();
        Path folder = Path.of(job.outputDir());
        Path annotated = OutputFiles.finished(folder, job.jobId(), IMAGE_FORMAT);
        Path clean = OutputFiles.clean(folder, job.jobId(), IMAGE_FORMAT);
        PeopleCountResult counted;
        try {
            counted = counter.count(source, params, annotated, clean, index -> OutputFiles.live(folder, job.jobId(), index), progress)
                    .withCleanImage(clean.toUri().toString());
        } finally {
            OutputFiles.deleteLive(folder, job.jobId());
        }
        return new WorkerMessage.Completed(job.jobId(), results(counted, readable, started), annotated.toString());
    }

    /**
     * One part of a split count: its stretch of the video, its files named after the part; the first part
     * says into how many parts the video is cut as soon as it knows. The results carry the part's segment.
     */
    private WorkerMessage countPart(WorkerMessage.RunJob job, CountParams params, ReadableSource readable, long started,
            Progress progress, Consumer<WorkerMessage> tell) throws MediaException {
        int index = job.part().index();
        Path folder = Path.of(job.outputDir());
        String stem = OutputFiles.stem(job.jobId(), index);
        Path annotated = OutputFiles.finished(folder, stem, IMAGE_FORMAT);
        Path clean = OutputFiles.clean(folder, stem, IMAGE_FORMAT);
        PeopleCounter.PartCount counted;
        try {
            counted = counter.countPart(readable.source(), params, index, job.part().of(), parts -> {
                if (index == 0) {
                    tell.accept(new WorkerMessage.Segmented(job.jobId(), parts));
                }
            }, annotated, clean, frame -> OutputFiles.live(folder, stem, frame), progress);
        } finally {
            OutputFiles.deleteLive(folder, stem);
        }
        ObjectNode results = counted.result() == null ? JobJson.mapper().createObjectNode()
                : results(counted.result().withCleanImage(clean.toUri().toString()), readable, started);
        results.set(CountSegment.RESULTS_KEY, JobJson.mapper().valueToTree(counted.segment()));
        return new WorkerMessage.Completed(job.jobId(), results, counted.result() == null ? null : annotated.toString());
    }

    private static ObjectNode results(PeopleCountResult counted, ReadableSource readable, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        ObjectNode results = JobJson.mapper().valueToTree(counted.withProcessingTime(Math.round(seconds * 1000) / 1000.0));
        // Beside IntelliVision's schema, as a frame's results carry them.
        readable.warning().ifPresent(warning -> results.putArray("warnings").add(warning));
        return results;
    }
}
