package com.intellivision.console.media;

import com.intellivision.console.job.PeopleCountResult.Alert;
import com.intellivision.console.job.Timecode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Gathers what a person should know about a count: crowds, damaged video, a video cut short, no one found. */
final class CountAlerts {

    /** A video that stops more than this before its stated length was cut short. */
    private static final double EARLY_END_SECONDS = 1;

    private final Integer threshold;
    private final List<Alert> alerts = new ArrayList<>();
    private boolean crowded;

    /** @param threshold alert when a frame shows more people than this; null for no crowd alerts */
    CountAlerts(Integer threshold) {
        this.threshold = threshold;
    }

    /** Alerts once each time the count rises above the threshold, not at every frame it stays there. */
    void observe(double seconds, int people) {
        if (threshold == null) {
            return;
        }
        if (people > threshold && !crowded) {
            alerts.add(new Alert(people + " people in view at " + Timecode.format(seconds)
                    + ", more than the alert threshold of " + threshold + ".", roundedToMillis(seconds)));
        }
        crowded = people > threshold;
    }

    void damaged(DamagedStretch stretch) {
        alerts.add(new Alert("The video is damaged between " + Timecode.format(stretch.fromSeconds()) + " and "
                + Timecode.format(stretch.toSeconds()) + ": frames there could not be decoded and were skipped (FFmpeg: "
                + stretch.ffmpegSays() + "). People seen only there may be missed.", roundedToMillis(stretch.fromSeconds())));
    }

    /** Notes a video that ended well before the length it states, as a truncated download does. */
    void checkEnd(double readUpToSeconds, double statedSeconds) {
        if (statedSeconds > 0 && readUpToSeconds < statedSeconds - EARLY_END_SECONDS) {
            alerts.add(new Alert("The video stops at " + Timecode.format(readUpToSeconds) + " although it should last "
                    + Timecode.format(statedSeconds) + ": the rest could not be read, so the count covers only the part "
                    + "before. The file may be incomplete.", roundedToMillis(readUpToSeconds)));
        }
    }

    void checkAnyone(int personCount) {
        if (personCount == 0) {
            alerts.add(new Alert("No people were detected in the video.", null));
        }
    }

    /** In the order of the video; alerts about the whole of it last. */
    List<Alert> all() {
        return alerts.stream()
                .sorted(Comparator.comparing(Alert::timestamp, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    static double roundedToMillis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
