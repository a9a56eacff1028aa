package com.intellivision.console.ui.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.intellivision.console.job.FrameResult;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.PeopleCountResult;
import com.intellivision.console.job.VideoLinks;
import javafx.scene.image.Image;

/**
 * Does, before the first job needs it, what costs tens of milliseconds the first time it runs in a
 * JVM; done on the FX thread when the first frame or count arrives, the window would skip frames.
 * Jackson builds a type's reader and the pretty printer at their first use; a record's
 * {@code equals} and {@code hashCode} are linked at their first call; a class's patterns are
 * compiled as it starts; JavaFX starts its image loader's threads and PNG decoder with the first
 * image loaded in the background.
 *
 * <p>Nothing here lays out nodes: a chart laid out on this thread once measured its labels with
 * JavaFX's shared text layout while the window did, and the jobs table's text came out misplaced.
 */
public final class FirstUse {

    /** A 1 × 1 PNG, so that the image loader decodes a picture without reading a file. */
    private static final String TINY_PNG = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC";

    /** A count with one of each of its parts, whose records' methods are then linked. */
    private static final String COUNT = "{\"person_count\": 1, \"alerts\": [{\"message\": \"-\", \"timestamp\": 0}],"
            + " \"timeline\": [{\"timestamp\": 0, \"count\": 1, \"boxes\": [{\"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1, \"track\": 1}]}]}";

    private FirstUse() {}

    /** Call once, on a background thread, as the window opens (JavaFX must have started). */
    public static void prepare() {
        try {
            PeopleCountResult count = JobJson.mapper().readValue(COUNT, PeopleCountResult.class);
            // Called for their linking alone: a record's equals and hashCode are bound at their first call.
            count.equals(count.withProcessingTime(1));
            count.hashCode();
            JobJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(count);
        } catch (JsonProcessingException cannotHappenForThisCount) {
            throw new IllegalStateException(cannotHappenForThisCount);
        }
        try {
            JobJson.mapper().convertValue(JobJson.mapper().createObjectNode(), FrameResult.class);
        } catch (IllegalArgumentException | NullPointerException emptyResultsAreNoResult) {
            // Only the reader was wanted.
        }
        // Their patterns are compiled as their classes start: a link's first alert check, a job's first image.
        VideoLinks.read("https://www.youtube.com/watch?v=aqz-KE-bpKQ");
        JobImages.urlOf("frame.png");
        new Image(TINY_PNG, true);
    }
}
