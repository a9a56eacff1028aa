package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What to submit to retry a job on a server that cannot run a job again in place: the request the
 * console made it from, or, for a job submitted elsewhere, its link and settings as the server lists
 * them. A video uploaded from another computer cannot be sent again from this one.
 */
final class RetryRequests {

    private RetryRequests() {}

    static JobRequest of(Job job, Optional<JobRequest> made, String serverMediaPrefix) {
        JobRequest request = made.orElseGet(() -> fromListing(job, serverMediaPrefix));
        Optional<Path> file = localFile(request.url());
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            throw new IllegalArgumentException("The file " + file.get() + " that job #" + job.id()
                    + " was made from is no longer there; submit the video again from where it is now.");
        }
        return request;
    }

    private static JobRequest fromListing(Job job, String serverMediaPrefix) {
        String url = job.youtubeUrl() == null ? "" : job.youtubeUrl();
        if (url.isBlank() || url.startsWith(serverMediaPrefix)) {
            throw new IllegalArgumentException("Job #" + job.id() + "'s video was uploaded to the server from another computer,"
                    + " so the console cannot send it again; submit the file again from where it is.");
        }
        return JobRequest.analysis(job.type(), url, job.params());
    }

    private static Optional<Path> localFile(String url) {
        if (url.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !url.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(url.startsWith("file:") ? Path.of(URI.create(url)) : Path.of(url));
        } catch (IllegalArgumentException notAPath) {
            return Optional.empty();
        }
    }
}
