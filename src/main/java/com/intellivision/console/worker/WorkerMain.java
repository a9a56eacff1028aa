package com.intellivision.console.worker;

import com.intellivision.console.media.FrameExtractor;
import com.intellivision.console.media.NetworkReading;
import com.intellivision.console.media.Progress;
import com.intellivision.console.media.ReadableSource;
import com.intellivision.console.media.SharedResolutions;
import com.intellivision.console.media.YtDlpSettings;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.opencv.global.opencv_core;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of a worker process. It reads jobs from stdin and answers on stdout, one JSON line a
 * message; everything else it prints goes to stderr. When stdin closes (the console exited or died)
 * the worker ends at once, even mid-job, so no worker outlives its console.
 */
public final class WorkerMain {

    /** System property naming the yt-dlp program for this worker. */
    public static final String YT_DLP_PROPERTY = "intellivision.ytdlp";
    /** OpenCV threads in this worker; 0 or unset leaves OpenCV's default. */
    public static final String OPENCV_THREADS_PROPERTY = "intellivision.opencv.threads";
    public static final String YT_DLP_MAX_HEIGHT_PROPERTY = "intellivision.ytdlp.maxHeight";
    public static final String YT_DLP_COOKIES_PROPERTY = "intellivision.ytdlp.cookies";
    /** How long a video's server may stay silent, in milliseconds. */
    public static final String READ_TIMEOUT_PROPERTY = "intellivision.readTimeoutMillis";
    /** The largest video downloaded whole from a server that cannot seek, in bytes. */
    public static final String DOWNLOAD_LIMIT_PROPERTY = "intellivision.downloadLimitBytes";
    /** Where such downloads are kept while their job runs. */
    public static final String DOWNLOAD_FOLDER_PROPERTY = "intellivision.downloadFolder";
    /** Where the pool's workers keep the links they resolved, for each other. */
    public static final String RESOLVED_FOLDER_PROPERTY = "intellivision.resolvedFolder";

    private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);

    private final PrintStream protocolOut;
    private final BlockingQueue<WorkerMessage> inbox = new LinkedBlockingQueue<>();
    /** The job the console asked to stop; read between steps of the running job. */
    private final AtomicLong cancelledJobId = new AtomicLong(-1);

    private WorkerMain(PrintStream protocolOut) {
        this.protocolOut = protocolOut;
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream protocolOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        int openCvThreads = Integer.getInteger(OPENCV_THREADS_PROPERTY, 0);
        if (openCvThreads > 0) {
            opencv_core.setNumThreads(openCvThreads);
        }
        String cookies = System.getProperty(YT_DLP_COOKIES_PROPERTY);
        YtDlpSettings ytDlp = new YtDlpSettings(System.getProperty(YT_DLP_PROPERTY, "yt-dlp"),
                Integer.getInteger(YT_DLP_MAX_HEIGHT_PROPERTY, YtDlpSettings.DEFAULT_MAX_HEIGHT), cookies == null ? null : Path.of(cookies));
        new WorkerMain(protocolOut).serve(ytDlp, networkReading());
    }

    private static NetworkReading networkReading() {
        String folder = System.getProperty(DOWNLOAD_FOLDER_PROPERTY);
        NetworkReading defaults = NetworkReading.defaults(folder != null ? Path.of(folder)
                : Path.of(System.getProperty("java.io.tmpdir"), "intellivision-downloads"));
        long timeoutMillis = Long.getLong(READ_TIMEOUT_PROPERTY, defaults.readTimeout().toMillis());
        long limit = Long.getLong(DOWNLOAD_LIMIT_PROPERTY, defaults.spoolLimitBytes());
        return new NetworkReading(Duration.ofMillis(timeoutMillis), limit, defaults.spoolFolder());
    }

    private void serve(YtDlpSettings ytDlp, NetworkReading reading) throws InterruptedException {
        ReadableSource.removeLeftovers(reading.spoolFolder());
        String folder = System.getProperty(RESOLVED_FOLDER_PROPERTY);
        SharedResolutions resolved = folder == null ? null : new SharedResolutions(Path.of(folder));
        if (resolved != null) {
            resolved.removeExpired();
        }
        JobRunner runner = new JobRunner(ytDlp, resolved, reading);
        warmUp();
        startReadingStdin();
        send(new WorkerMessage.Ready(ProcessHandle.current().pid()));
        while (true) {
            WorkerMessage message = inbox.take();
            if (message instanceof WorkerMessage.RunJob job) {
                Progress progress = (percentage, stage, details) -> {
                    if (cancelledJobId.get() == job.jobId()) {
                        throw new CancellationException("job " + job.jobId() + " was cancelled");
                    }
                    send(new WorkerMessage.Progress(job.jobId(), percentage, stage, details));
                };
                send(runner.run(job, progress, this::send));
            } else if (message instanceof WorkerMessage.Shutdown) {
                return;
            } else {
                LOG.warn("ignoring a message a worker does not take: {}", message);
            }
        }
    }

    /**
     * Loads FFmpeg and runs its image encoder once before saying ready, so the first job does not pay
     * for it. OpenCV is left out: it costs some 80 MiB of resident memory and only people counting needs it.
     */
    private static void warmUp() {
        FrameExtractor.warmUp();
    }

    private void startReadingStdin() {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    WorkerMessage message = WorkerProtocol.decode(line);
                    if (message instanceof WorkerMessage.Cancel cancel) {
                        cancelledJobId.set(cancel.jobId());
                    } else {
                        if (message instanceof WorkerMessage.RunJob job) {
                            // A cancel sent before this run was for an earlier run of the job (or of another part of it).
                            cancelledJobId.compareAndSet(job.jobId(), -1);
                        }
                        inbox.add(message);
                    }
                }
            } catch (IOException | IllegalArgumentException broken) {
                LOG.error("the console's channel broke: {}", broken.toString());
            }
            // The console is gone: nobody would read our answers, so stop now.
            Runtime.getRuntime().halt(0);
        }, "stdin-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private synchronized void send(WorkerMessage message) {
        protocolOut.println(WorkerProtocol.encode(message));
    }
}
