package com.intellivision.console.worker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.PeopleCountResult;
import com.intellivision.console.media.MediaException;
import com.intellivision.console.media.PeopleCounter;
import com.intellivision.console.media.Progress;
import com.intellivision.console.media.SourceResolver;
import com.intellivision.console.media.VideoSource;
import java.nio.file.Path;

/** A {@code people-count} job: resolve the link, count the people, write the busiest frame boxed and as it was. */
final class PeopleCountJob {

    private static final String IMAGE_FORMAT = "png";

    private final SourceResolver resolver;
    private final PeopleCounter counter = new PeopleCounter();

    PeopleCountJob(SourceResolver resolver) {
        this.resolver = resolver;
    }

    WorkerMessage run(WorkerMessage.RunJob job, Progress progress) throws MediaException {
        long started = System.nanoTime();
        CountParams params = new JobRequest(job.jobType(), job.url(), job.params()).countParams();
        progress.report(2, "resolving URL");
        VideoSource source = resolver.resolve(job.url());
        Path annotated = OutputFiles.finished(Path.of(job.outputDir()), job.jobId(), IMAGE_FORMAT);
        Path clean = OutputFiles.clean(Path.of(job.outputDir()), job.jobId(), IMAGE_FORMAT);
        PeopleCountResult counted = counter.count(source, params, annotated, clean, progress).withCleanImage(clean.toUri().toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        ObjectNode results = JobJson.mapper().valueToTree(counted.withProcessingTime(Math.round(seconds * 1000) / 1000.0));
        return new WorkerMessage.Completed(job.jobId(), results, annotated.toString());
    }
}
