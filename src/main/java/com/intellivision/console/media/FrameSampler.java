package com.intellivision.console.media;

import com.intellivision.console.job.Timecode;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Takes frames out of a video at a steady rate, by timestamp: for each sample time, the first frame at
 * or after it. Frames in between are decoded (the frames after them are coded from them) but not
 * converted to BGR, which saves much of their cost.
 *
 * <p>When samples are more than {@value #SEEK_BEYOND_SECONDS} seconds apart, it seeks to each instead:
 * keyframes are rarely further apart than that, so a seek decodes no more than reading on would, and
 * over HTTP it skips downloading everything in between.
 *
 * <p>Damage does not stop it: FFmpeg drops what it cannot decode and carries on at the next keyframe.
 * The sampler notes each such stretch from FFmpeg's error log, so that the count can say where it is
 * less reliable.
 */
final class FrameSampler {

    static final double SEEK_BEYOND_SECONDS = 10;
    /** Two damaged places closer than this are reported as one. */
    private static final double DAMAGE_MERGE_SECONDS = 2;

    private final FFmpegFrameGrabber grabber;
    private final double fps;
    private final long startMicros;
    private final double frameDurationMicros;
    private final double durationSeconds;
    private final boolean seeking;
    private final List<DamagedStretch> damage = new ArrayList<>();
    /** Which sample time comes next: the n-th is n / fps seconds in. */
    private long nextSample;
    private long lastFrameMicros = -1;
    private boolean convertNext = true;
    private boolean soughtToTheEnd;
    /** Where a segment of the video begins and ends, in seconds; the whole video by default. */
    private double fromSeconds;
    private double untilSeconds = Double.POSITIVE_INFINITY;

    /** @param grabber a started grabber of a video with a video track */
    FrameSampler(FFmpegFrameGrabber grabber, double fps) {
        this.grabber = grabber;
        this.fps = fps;
        long start = grabber.getFormatContext().start_time();
        this.startMicros = start == avutil.AV_NOPTS_VALUE ? 0 : start;
        double frameRate = grabber.getVideoFrameRate();
        this.frameDurationMicros = frameRate > 0 && Double.isFinite(frameRate) ? 1_000_000 / frameRate : 0;
        this.durationSeconds = Math.max(0, grabber.getLengthInTime() / 1_000_000.0);
        this.seeking = durationSeconds > 0 && 1 / fps > SEEK_BEYOND_SECONDS;
        FFmpegMessages.clear();
    }

    /**
     * Samples only the stretch from {@code from} to before {@code until} seconds, on the same sample times
     * as the whole video: a part of a split count. Call before the first {@link #next()}.
     */
    void limitTo(double from, double until) throws MediaException {
        fromSeconds = from;
        untilSeconds = until;
        nextSample = (long) Math.ceil(from * fps - 1e-9);
        if (nextSample > 0 && !seeking) {
            try {
                // javacv seeks to the keyframe before and decodes forward to the first frame at or after it.
                grabber.setTimestamp(sampleTimeMicros(nextSample));
            } catch (FrameGrabber.Exception seekFailure) {
                throw new MediaException("The video could not be read from " + Timecode.format(from) + ": " + seekFailure.getMessage()
                        + ". Retry; if it fails again, count it without splitting.", seekFailure);
            }
        }
    }

    /** Whether the samples go on to the video's end, rather than stopping at the end of a segment. */
    boolean countsToTheEnd() {
        return untilSeconds == Double.POSITIVE_INFINITY;
    }

    /**
     * The next sample, a BGR frame valid until the next call; null at the end of the video.
     *
     * @throws MediaException if the video cannot be read on (not for frames that cannot be decoded)
     */
    Frame next() throws MediaException {
        try {
            if (sampleTimeMicros(nextSample) >= untilSeconds * 1_000_000) {
                return null;
            }
            Frame frame = seeking ? seekToNextSample() : readToNextSample();
            if (frame != null && secondsOf(frame) >= untilSeconds - 1e-6) {
                return null;
            }
            if (frame != null) {
                nextSample++;
            } else {
                noteDamageBeforeTheEnd();
            }
            return frame;
        } catch (FrameGrabber.Exception readFailure) {
            throw new MediaException("The video could not be read on after " + Timecode.format(Math.max(0, lastFrameSeconds())) + ": "
                    + readFailure.getMessage() + ". Retry; if it fails again, the video may be damaged there.", readFailure);
        }
    }

    /** Seconds into the video of a frame this sampler returned. */
    double secondsOf(Frame frame) {
        return (frame.timestamp - startMicros) / 1_000_000.0;
    }

    /** The video's length as its container gives it; 0 where it does not say (a live stream). */
    double durationSeconds() {
        return durationSeconds;
    }

    /** Frames taken per second of video: as asked, unless the video has fewer, when it is every frame. */
    double samplesPerSecond() {
        return frameDurationMicros > 0 ? Math.min(fps, 1_000_000 / frameDurationMicros) : fps;
    }

    /** How many samples a video of this length gives; 0 if its length is unknown. */
    long expectedSamples() {
        if (durationSeconds <= 0) {
            return 0;
        }
        double perSecond = samplesPerSecond();
        return Math.max(0, (long) Math.ceil(Math.min(durationSeconds, untilSeconds) * perSecond) - (long) Math.ceil(fromSeconds * perSecond - 1e-9));
    }

    /** Seconds into the video of the last frame decoded, or -1 before the first. */
    double lastFrameSeconds() {
        return lastFrameMicros < 0 ? -1 : lastFrameMicros / 1_000_000.0;
    }

    /**
     * How far the video could be read: to the last frame decoded, or, when seeking, to its stated end
     * if every sample time before it gave a frame.
     */
    double readUpToSeconds() {
        return soughtToTheEnd ? durationSeconds : lastFrameSeconds();
    }

    List<DamagedStretch> damage() {
        return List.copyOf(damage);
    }

    private Frame readToNextSample() throws FrameGrabber.Exception {
        long sampleMicros = sampleTimeMicros(nextSample);
        while (true) {
            boolean convert = convertNext || mayReach(sampleMicros);
            Frame frame = grabber.grabFrame(false, true, convert, false, false);
            if (frame == null) {
                return null;
            }
            long at = noteFrame(frame);
            if (at >= sampleMicros) {
                if (convert) {
                    convertNext = false;
                    skipSampleTimesUpTo(at);
                    return frame;
                }
                // The frame came sooner than its predecessors foretold, unconverted: the next one will do.
                convertNext = true;
            }
        }
    }

    private Frame seekToNextSample() throws FrameGrabber.Exception {
        long sampleMicros = sampleTimeMicros(nextSample);
        if (sampleMicros / 1_000_000.0 >= durationSeconds) {
            soughtToTheEnd = true;
            return null;
        }
        grabber.setTimestamp(sampleMicros);
        Frame frame = grabber.grabImage();
        if (frame == null) {
            return null;
        }
        noteFrame(frame);
        return frame;
    }

    /** Whether the frame after the last one may be at or past {@code sampleMicros}, judging by the frame rate. */
    private boolean mayReach(long sampleMicros) {
        return lastFrameMicros < 0 || frameDurationMicros == 0 || lastFrameMicros + 1.5 * frameDurationMicros >= sampleMicros;
    }

    /** After a gap in the video, the sample times it spanned are passed over rather than taken all at once. */
    private void skipSampleTimesUpTo(long reachedMicros) {
        while (sampleTimeMicros(nextSample + 1) <= reachedMicros) {
            nextSample++;
        }
    }

    private long sampleTimeMicros(long sample) {
        return Math.round(sample * 1_000_000 / fps);
    }

    /** Records a decoded frame's time and any damage FFmpeg reported on the way to it; returns the time. */
    private long noteFrame(Frame frame) {
        long micros = frame.timestamp - startMicros;
        String ffmpegSays = FFmpegMessages.recent();
        if (!ffmpegSays.isEmpty()) {
            noteDamage(Math.max(0, lastFrameSeconds()), micros / 1_000_000.0, ffmpegSays);
            FFmpegMessages.clear();
        }
        lastFrameMicros = micros;
        return micros;
    }

    /** Errors after the last frame mean the video's end could not be decoded. */
    private void noteDamageBeforeTheEnd() {
        String ffmpegSays = FFmpegMessages.recent();
        if (!ffmpegSays.isEmpty()) {
            noteDamage(Math.max(0, lastFrameSeconds()), Math.max(durationSeconds, lastFrameSeconds()), ffmpegSays);
            FFmpegMessages.clear();
        }
    }

    private void noteDamage(double fromSeconds, double toSeconds, String ffmpegSays) {
        int last = damage.size() - 1;
        if (last >= 0 && fromSeconds - damage.get(last).toSeconds() <= DAMAGE_MERGE_SECONDS) {
            damage.set(last, damage.get(last).extendedTo(toSeconds));
        } else {
            damage.add(new DamagedStretch(fromSeconds, toSeconds, firstLine(ffmpegSays)));
        }
    }

    private static String firstLine(String ffmpegSays) {
        int end = ffmpegSays.indexOf("; ");
        return end < 0 ? ffmpegSays : ffmpegSays.substring(0, end);
    }
}
