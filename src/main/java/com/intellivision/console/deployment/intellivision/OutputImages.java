package com.intellivision.console.deployment.intellivision;

import com.intellivision.console.job.Job;
import com.intellivision.console.remote.IntelliVisionClient;
import com.intellivision.console.remote.RemoteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The images of a server's jobs, downloaded once into a folder of the data directory so that the
 * preview shows them at once, also while the server is down. A job's image may be at either of two
 * addresses (the real server's {@code output_image} can be broken while {@code results.frame_url}
 * works): each is tried in turn.
 */
final class OutputImages {

    private static final Logger LOG = LoggerFactory.getLogger(OutputImages.class);

    private final IntelliVisionClient client;
    private final Path folder;

    OutputImages(IntelliVisionClient client, Path folder) {
        this.client = client;
        this.folder = folder;
    }

    /** The job with its image on this machine, downloading it if need be; the job as it is if none of the addresses answers. */
    Job withImage(Job job, List<String> imageUrls) {
        if (imageUrls.isEmpty()) {
            return job;
        }
        Path target = folder.resolve(job.id() + extensionOf(imageUrls.get(0)));
        if (Files.isRegularFile(target)) {
            return job.withOutputImage(target.toString());
        }
        for (String url : imageUrls) {
            try {
                client.download(url, target);
                return job.withOutputImage(target.toString());
            } catch (RemoteException unavailable) {
                LOG.debug("the image of job {} is not at its address: {}", job.id(), unavailable.getMessage());
            } catch (UncheckedIOException cannotWrite) {
                // A full disk or an unwritable folder here: the job is kept without its image, the round goes on.
                LOG.warn("the image of job {} could not be kept in {}: {}", job.id(), folder, cannotWrite.getMessage());
                return job;
            }
        }
        LOG.info("the image of job {} could not be downloaded from any of its {} addresses", job.id(), imageUrls.size());
        return job;
    }

    /** Removes every image, as when the deployment is removed. */
    void deleteAll() {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException notThere) {
            // Nothing was downloaded, or it is gone already.
        }
    }

    private static String extensionOf(String url) {
        String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        for (String extension : List.of(".jpg", ".jpeg", ".png", ".webp", ".gif")) {
            if (path.endsWith(extension)) {
                return extension;
            }
        }
        return ".jpg";
    }
}
