package com.intellivision.console.testsupport;

import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.JobRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The mix of jobs the fault suites run: frames and filmstrips of a generated video over loopback HTTP,
 * frames of a local file, people counts of a short cut of {@code vtest.avi}, and two kinds that fail
 * on their own (a frame past the end of the video, a file that does not exist), so that a fault's
 * failures can be told from the input's.
 */
public final class ChaosJobs {

    /** Errors the input's own failures carry, whatever happens to the workers. */
    public static final String PAST_THE_END = "is past the end of the video";
    public static final String NO_SUCH_FILE = "does not exist";

    private static final String CLIP = "clip.mp4";
    private static final String PEOPLE = "people-3s.avi";

    private ChaosJobs() {}

    /** Writes the videos the jobs read into {@code folder}, which a {@link LoopbackHttpServer} may then serve. */
    public static Path prepareVideos(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (!Files.exists(folder.resolve(CLIP))) {
            TestVideos.writeFrameCodedVideo(folder.resolve(CLIP), 3, 25, 320, 180);
            SampleVideos.vtestOpening(folder.resolve(PEOPLE), 3);
        }
        return folder;
    }

    /**
     * {@code count} requests, the same for the same arguments: seven kinds in turn, of which the last
     * two fail by themselves. {@code serverUrl} is the loopback server of {@code folder}.
     */
    public static List<JobRequest> requests(Path folder, String serverUrl, int count) {
        String base = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
        List<JobRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(switch (i % 7) {
                case 0 -> JobRequest.frame(base + "/" + CLIP, FrameParams.at(0.5 + (i % 5) * 0.4));
                case 1 -> JobRequest.frame(base + "/" + CLIP, FrameParams.filmstrip(4, "jpg", 160));
                case 2 -> JobRequest.count(folder.resolve(PEOPLE).toString(), CountParams.defaults());
                case 3 -> JobRequest.frame(folder.resolve(CLIP).toString(), FrameParams.at(1.0 + (i % 3) * 0.5));
                case 4 -> JobRequest.frame(folder.resolve(CLIP).toString(), FrameParams.filmstrip(3, "png", null));
                case 5 -> JobRequest.frame(base + "/" + CLIP, FrameParams.at(99.0));
                default -> JobRequest.frame(folder.resolve("missing-" + i + ".mp4").toString(), FrameParams.at(1.0));
            });
        }
        return requests;
    }

    /** The error a request of {@link #requests} fails with by itself, or null if it should complete. */
    public static String expectedFailure(int index) {
        return switch (index % 7) {
            case 5 -> PAST_THE_END;
            case 6 -> NO_SUCH_FILE;
            default -> null;
        };
    }
}
