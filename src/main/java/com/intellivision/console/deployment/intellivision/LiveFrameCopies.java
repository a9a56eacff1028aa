package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.ProgressDetails;
import com.intellivision.console.job.ProgressDetails.LiveFrame;
import com.intellivision.console.remote.IntelliVisionClient;
import com.intellivision.console.remote.RemoteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames a serve's running counts announce, copied to this machine so the window can show them:
 * the figures of each report go on at once, its frame follows once copied. Only the latest frame of a
 * job is copied; one announced while another is being copied replaces any still waiting. The two
 * newest copies of a job are kept (the window may be loading the one before), the rest removed.
 */
final class LiveFrameCopies {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFrameCopies.class);

    private final IntelliVisionClient client;
    private final Path folder;
    private final Executor copier;
    private final Consumer<JobProgress> publish;
    private final Map<Long, JobProgress> waiting = new ConcurrentHashMap<>();
    private final Map<Long, Integer> copies = new ConcurrentHashMap<>();

    LiveFrameCopies(IntelliVisionClient client, Path folder, Executor copier, Consumer<JobProgress> publish) {
        this.client = client;
        this.folder = folder;
        this.copier = copier;
        this.publish = publish;
    }

    /** A report from the serve: published without its frame at once, and with a copy of it when there is one. */
    void heard(JobProgress progress) {
        LiveFrame live = progress.details() == null ? null : progress.details().liveFrame();
        if (live == null) {
            publish.accept(progress);
            return;
        }
        publish.accept(withFrame(progress, null));
        if (waiting.put(progress.jobId(), progress) == null) {
            try {
                copier.execute(() -> copyLatest(progress.jobId()));
            } catch (RejectedExecutionException closing) {
                waiting.remove(progress.jobId());
            }
        }
    }

    /** The job ended: its copies are no longer needed. */
    void ended(long jobId) {
        waiting.remove(jobId);
        if (copies.remove(jobId) != null) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, jobId + ".live.*")) {
                for (Path file : files) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException leftOver) {
                LOG.debug("the live frames of job {} could not all be removed from {}: {}", jobId, folder, leftOver.getMessage());
            }
        }
    }

    private void copyLatest(long jobId) {
        JobProgress latest = waiting.remove(jobId);
        if (latest == null) {
            return;
        }
        LiveFrame live = latest.details().liveFrame();
        int index = copies.merge(jobId, 1, Integer::sum) - 1;
        Path target = folder.resolve(jobId + ".live." + index + ".jpg");
        try {
            Files.createDirectories(folder);
            client.download(live.url(), target);
            Files.deleteIfExists(folder.resolve(jobId + ".live." + (index - 2) + ".jpg"));
        } catch (RemoteException | UncheckedIOException | IOException unavailable) {
            // Only something to look at: the next report brings another.
            LOG.debug("the live frame of job {} could not be copied: {}", jobId, unavailable.getMessage());
            return;
        }
        publish.accept(withFrame(latest, new LiveFrame(target.toUri().toString(), live.timestamp(), live.boxes())));
    }

    private static JobProgress withFrame(JobProgress progress, LiveFrame frame) {
        ProgressDetails details = progress.details();
        return new JobProgress(progress.jobId(), progress.percentage(), progress.stage(), new ProgressDetails(details.processedFrames(),
                details.totalFrames(), details.estimatedTimeRemaining(), details.currentFps(), details.previewUrl(), frame));
    }
}
