package com.intellivision.console.testsupport;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real HTTP server on 127.0.0.1 serving a folder's files with Range support (Jetty's static file
 * handler; files ending in {@code .stream} are served as video/mp4), plus a web page at {@value #WEB_PAGE} whose name looks like a video's. It records every
 * request's Range header, so tests can see that a video was read in pieces rather than whole.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    public static final String WEB_PAGE = "/watch/clip.mp4";
    /** Answers only after a long pause, to keep a job busy while a test does something to it. */
    public static final String STALLING_VIDEO = "/stall/clip.mp4";
    /** Stalls the first request only; later ones are sent on to {@code /clip.mp4}. */
    public static final String STALLING_ONCE_VIDEO = "/stall-once/clip.mp4";
    private static final long STALL_MILLIS = 20_000;

    private final Javalin app;
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stalledOnce = new AtomicBoolean();
    private final CountDownLatch closing = new CountDownLatch(1);

    private LoopbackHttpServer(Path folder) {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.directory = folder.toAbsolutePath().toString();
                files.location = Location.EXTERNAL;
                files.hostedPath = "/";
                // A video under a name that is not a video file's, as a page yt-dlp must resolve.
                files.mimeTypes.add("video/mp4", "stream");
            });
        });
        app.before(ctx -> {
            paths.add(ctx.path());
            String range = ctx.header("Range");
            ranges.add(range == null ? "" : range);
        });
        app.get(STALLING_VIDEO, ctx -> {
            stall();
            ctx.status(503);
        });
        app.get(STALLING_ONCE_VIDEO, ctx -> {
            if (stalledOnce.compareAndSet(false, true)) {
                stall();
                ctx.status(503);
            } else {
                ctx.redirect("/clip.mp4");
            }
        });
        app.get(WEB_PAGE, ctx -> ctx.html("<!doctype html><html><head><title>Clip</title></head><body><p>Watch the clip here.</p></body></html>"));
    }

    public static LoopbackHttpServer serving(Path folder) {
        LoopbackHttpServer server = new LoopbackHttpServer(folder);
        server.app.start("127.0.0.1", 0);
        return server;
    }

    /** Serves a folder {@code media} made in {@code parent} holding {@code /clip.mp4}: 2 s, 160 x 120, 25 frames a second. */
    public static LoopbackHttpServer servingClip(Path parent) throws java.io.IOException {
        Path media = java.nio.file.Files.createDirectories(parent.resolve("media"));
        TestVideos.writeFrameCodedVideo(media.resolve("clip.mp4"), 2, 25, 160, 120);
        return serving(media);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + (path.startsWith("/") ? path : "/" + path);
    }

    /** The Range header of each request so far, in order; empty strings for requests without one. */
    public List<String> rangeHeaders() {
        return List.copyOf(ranges);
    }

    public List<String> requestedPaths() {
        return List.copyOf(paths);
    }

    /** Holds a request for a long while, but lets go at once when the server closes. */
    private void stall() throws InterruptedException {
        closing.await(STALL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closing.countDown();
        app.stop();
    }
}
