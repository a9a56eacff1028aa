package com.intellivision.console.media;

import java.util.ArrayDeque;
import java.util.Deque;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps FFmpeg's recent error lines instead of letting them scroll by on stderr: its return codes say
 * little ("invalid data"), its log says why ("moov atom not found"), and the job's error should say why.
 */
final class FFmpegMessages {

    private static final Logger LOG = LoggerFactory.getLogger("ffmpeg");
    private static final int KEPT = 20;
    private static final Deque<String> RECENT = new ArrayDeque<>();
    private static final Callback CALLBACK = new Callback();

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        avutil.setLogCallback(CALLBACK);
    }

    private FFmpegMessages() {}

    /** Makes sure the callback is installed; cheap to call often. */
    static void install() {
        // The static initializer does the work once.
    }

    /** Forgets what was logged so far, before an operation whose messages matter. */
    static synchronized void clear() {
        RECENT.clear();
    }

    /**
     * The distinct error lines logged since the last {@link #clear()}, without FFmpeg's component
     * prefixes ({@code [h264 @ 0x55...]}), at most three, joined; empty if there were none.
     */
    static synchronized String recent() {
        return RECENT.stream()
                .map(line -> line.replaceFirst("^\\[[^]]*@ 0x[0-9a-f]+\\]\\s*", "").replaceFirst("\\.$", ""))
                .map(line -> line.replaceAll("\\(-?\\d+ > \\d+\\)", "").strip())
                .distinct()
                .limit(3)
                .collect(java.util.stream.Collectors.joining("; "));
    }

    static synchronized boolean mentions(String text) {
        return RECENT.stream().anyMatch(line -> line.contains(text));
    }

    private static synchronized void remember(String line) {
        if (RECENT.size() == KEPT) {
            RECENT.removeFirst();
        }
        RECENT.addLast(line);
    }

    private static final class Callback extends LogCallback {
        @Override
        public void call(int level, BytePointer message) {
            String line = message.getString().strip();
            if (line.isEmpty()) {
                return;
            }
            if (level <= avutil.AV_LOG_ERROR) {
                remember(line);
            }
            LOG.debug("{}", line);
        }
    }
}
