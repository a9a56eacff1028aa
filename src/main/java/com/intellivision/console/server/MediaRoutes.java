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
 * A job's images, named by the job's id (and a filmstrip frame's index): never by a path, and only
 * files inside the pool's frames folder, so no request can read anything else.
 */
final class MediaRoutes {

    private final LocalDeployment pool;
    private final Path framesFolder;

    MediaRoutes(LocalDeployment pool, Path framesFolder) {
        this.pool = pool;
        this.framesFolder = framesFolder.toAbsolutePath().normalize();
    }

    void register(Javalin app) {
        app.get("/api/jobs/{id}/image/", ctx -> send(ctx, JobRoutes.idOf(ctx).flatMap(pool::job).map(Job::outputImage).map(Path::of)));
        app.get("/api/jobs/{id}/image/{frame}/", ctx -> send(ctx, JobRoutes.idOf(ctx).flatMap(pool::job).flatMap(job -> frameOf(job, ctx))));
    }

    private static Optional<Path> frameOf(Job job, Context ctx) {
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
        return Optional.of(Path.of(URI.create(frames.get(index).path("frame_url").asText())));
    }

    private void send(Context ctx, Optional<Path> image) throws IOException {
        Optional<Path> inside = image.map(path -> path.toAbsolutePath().normalize()).filter(path -> path.startsWith(framesFolder))
                .filter(Files::isRegularFile);
        if (inside.isEmpty()) {
            Replies.detail(ctx, 404, "Not found.");
            return;
        }
        String name = inside.get().getFileName().toString().toLowerCase(Locale.ROOT);
        ctx.contentType(name.endsWith(".png") ? "image/png" : "image/jpeg");
        ctx.header("Content-Length", String.valueOf(Files.size(inside.get())));
        // Streamed, and closed by Javalin once sent: a large image never sits whole in memory.
        ctx.result(Files.newInputStream(inside.get()));
    }
}
