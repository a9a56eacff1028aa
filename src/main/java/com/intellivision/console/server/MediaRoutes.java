package com.intellivision.console.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A job's images, named by the job's id (and a filmstrip frame's index, {@code full/} for its full size; {@code clean/} for a count's busiest frame without boxes, {@code live/} for the frame a running count analysed last), and the video uploaded for it:
 * never by a path, and only files inside the pool's frames folder or the uploads folder, so no request
 * can read anything else.
 */
final class MediaRoutes {

    private final LocalDeployment pool;
    private final ProgressBoard progress;
    private final Path framesFolder;
    private final Path uploadsFolder;

    MediaRoutes(LocalDeployment pool, ProgressBoard progress, Path framesFolder, Path uploadsFolder) {
        this.pool = pool;
        this.progress = progress;
        this.framesFolder = framesFolder.toAbsolutePath().normalize();
        this.uploadsFolder = uploadsFolder.toAbsolutePath().normalize();
    }

    void register(Javalin app) {
        app.get("/api/jobs/{id}/image/", ctx -> send(ctx, JobRoutes.idOf(ctx).flatMap(pool::job).map(Job::outputImage).map(Path::of),
                framesFolder));
        // Before the frame's index, which would take "clean" or "live" for one.
        app.get("/api/jobs/{id}/image/live/", ctx -> send(ctx, JobRoutes.idOf(ctx).flatMap(progress::liveFrameOf)
                .flatMap(live -> linkedFile(live.url())), framesFolder));
        app.get("/api/jobs/{id}/image/clean/", ctx -> send(ctx, JobRoutes.idOf(ctx).flatMap(pool::job)
                .flatMap(job -> linkedFile(job.results() == null ? null : job.results().path("clean_image_url"))), framesFolder));
        app.get("/api/jobs/{id}/image/{frame}/", ctx -> send(ctx, JobRoutes.idOf(ctx).flatMap(pool::job)
                .flatMap(job -> frameOf(job, ctx, "frame_url")), framesFolder));
        app.get("/api/jobs/{id}/image/{frame}/full/", ctx -> send(ctx, JobRoutes.idOf(ctx).flatMap(pool::job)
                .flatMap(job -> frameOf(job, ctx, "full_frame_url")), framesFolder));
        app.get("/api/jobs/{id}/video/", ctx -> send(ctx, JobRoutes.idOf(ctx).flatMap(pool::job).filter(JobView::isUpload)
                .map(job -> Path.of(job.youtubeUrl())), uploadsFolder));
    }

    /** The file a filmstrip frame's {@code link} names ({@code frame_url}, or {@code full_frame_url} for its full size). */
    private static Optional<Path> frameOf(Job job, Context ctx, String link) {
        JsonNode frames = job.results() == null ? null : job.results().path("frames");
        int index;
        try {
            index = Integer.parseInt(ctx.pathParam("frame"));
        } catch (NumberFormatException notAnIndex) {
            return Optional.empty();
        }
        if (frames == null || !frames.isArray() || index < 0 || index >= frames.size() || job.status() != JobStatus.COMPLETED) {
            return Optional.empty();
        }
        return linkedFile(frames.get(index).path(link));
    }

    /** The file a result's {@code file:} link names; a file elsewhere is refused by {@link #send}. */
    private static Optional<Path> linkedFile(JsonNode link) {
        return link == null || !link.isTextual() ? Optional.empty() : linkedFile(link.asText());
    }

    private static Optional<Path> linkedFile(String link) {
        return link.startsWith("file:") ? Optional.of(Path.of(URI.create(link))) : Optional.empty();
    }

    private void send(Context ctx, Optional<Path> file, Path folder) throws IOException {
        Optional<Path> inside = file.map(path -> path.toAbsolutePath().normalize()).filter(path -> path.startsWith(folder))
                .filter(Files::isRegularFile);
        if (inside.isEmpty()) {
            Replies.detail(ctx, 404, "Not found.");
            return;
        }
        ctx.contentType(contentTypeOf(inside.get().getFileName().toString().toLowerCase(Locale.ROOT)));
        ctx.header("Content-Length", String.valueOf(Files.size(inside.get())));
        // Streamed, and closed by Javalin once sent: a large file never sits whole in memory.
        ctx.result(Files.newInputStream(inside.get()));
    }

    private static String contentTypeOf(String name) {
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return name.endsWith(".mp4") ? "video/mp4" : "application/octet-stream";
    }
}
