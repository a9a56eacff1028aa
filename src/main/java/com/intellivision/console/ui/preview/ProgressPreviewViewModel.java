package com.intellivision.console.ui.preview;

import com.intellivision.console.job.JobType;
import com.intellivision.console.job.ProgressDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a running job shows besides its progress bar: a picture of the video as soon as there is one
 * (the thumbnail, long before the exact frame), and a count's figures (frames, rate, time left).
 */
public final class ProgressPreviewViewModel {

    static final String FRAME_CAPTION = "Thumbnail — extracting the exact frame…";
    public static final String COUNT_CAPTION = "Thumbnail — counting people…";
    static final String ELSEWHERE_NOTE = "The frame being analysed shows here, with its people boxed, when the deployment sends it: "
            + "this console's own pool and a console's serve do, an IntelliVision server does not.";

    private final ReadOnlyStringWrapper thumbnailUrl = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper thumbnailCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper figures = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

    /**
     * @param previewUrl the run's preview image so far, or null
     * @param details the latest report's figures, or null
     */
    void show(JobType type, String previewUrl, ProgressDetails details) {
        thumbnailUrl.set(previewUrl);
        thumbnailCaption.set(previewUrl == null ? "" : type == JobType.PEOPLE_COUNT ? COUNT_CAPTION : FRAME_CAPTION);
        figures.set(details == null ? "" : figuresOf(details));
    }

    void clear() {
        show(JobType.YOUTUBE_FRAME_EXTRACTION, null, null);
        note.set("");
    }

    /** A count on another deployment says which send the frames they analyse, until one comes. */
    void showCountElsewhere(boolean elsewhere) {
        note.set(elsewhere ? ELSEWHERE_NOTE : "");
    }

    /** What people should know about what is not shown, or empty. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** For example "120 / 480 frames · 24.5 fps · 1 min 20 s left"; only the figures the report has. */
    public static String figuresOf(ProgressDetails details) {
        List<String> parts = new ArrayList<>();
        if (details.processedFrames() != null) {
            parts.add(details.totalFrames() != null
                    ? details.processedFrames() + " / " + details.totalFrames() + " frames"
                    : details.processedFrames() + " frames");
        }
        if (details.currentFps() != null) {
            parts.add(String.format(Locale.ROOT, "%.1f fps", details.currentFps()));
        }
        if (details.estimatedTimeRemaining() != null) {
            parts.add(timeLeft(details.estimatedTimeRemaining()));
        }
        return String.join(" · ", parts);
    }

    /** "45 s left", "1 min 20 s left", "2 h 5 min left"; seconds are not worth showing past an hour. */
    public static String timeLeft(double seconds) {
        long total = Math.round(Math.max(0, seconds));
        if (total == 0) {
            return "almost done";
        }
        long hours = total / 3600;
        long minutes = total / 60 % 60;
        long secs = total % 60;
        if (hours > 0) {
            return minutes > 0 ? hours + " h " + minutes + " min left" : hours + " h left";
        }
        if (minutes > 0) {
            return secs > 0 ? minutes + " min " + secs + " s left" : minutes + " min left";
        }
        return secs + " s left";
    }

    /** The video's thumbnail while the job runs, or null. */
    public ReadOnlyStringProperty thumbnailUrlProperty() {
        return thumbnailUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty thumbnailCaptionProperty() {
        return thumbnailCaption.getReadOnlyProperty();
    }

    /** A count's progress in figures, or empty. */
    public ReadOnlyStringProperty figuresProperty() {
        return figures.getReadOnlyProperty();
    }
}
