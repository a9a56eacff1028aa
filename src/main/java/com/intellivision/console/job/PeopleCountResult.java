package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The results of a people count in IntelliVision's {@code people-count} schema ({@code person_count} is
 * the one required field), plus the per-sample timeline and the size of the video.
 *
 * @param personCount the different people seen: tracks confirmed by at least two sightings
 * @param rawTrackCount every track started, including one-off detections that were never confirmed
 * @param fps the sample rate used, in frames analysed per second of video
 * @param detectionStrategies how people were found, such as {@code hog} or {@code onnx:person.onnx}
 * @param alerts what a person should know about the count or the video
 * @param timeline people in view at each analysed frame
 * @param annotatedTimestamp seconds into the video of the frame drawn in the output image (the busiest one)
 * @param processingTime seconds the worker spent on the job
 * @param framesProcessed frames analysed
 * @param cleanImageUrl the busiest frame as it was, without boxes ({@code file:} locally), or null where
 *     the count did not keep it (an older count, a server's)
 */
public record PeopleCountResult(
        @JsonProperty("person_count") int personCount,
        @JsonProperty("raw_track_count") int rawTrackCount,
        double fps,
        @JsonProperty("detection_strategies") List<String> detectionStrategies,
        List<Alert> alerts,
        List<Sample> timeline,
        @JsonProperty("annotated_timestamp") double annotatedTimestamp,
        @JsonProperty("processing_time") double processingTime,
        @JsonProperty("frames_processed") int framesProcessed,
        int width,
        int height,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("clean_image_url") String cleanImageUrl) {

    /** A server's count may carry no strategies, alerts or timeline (IntelliVision's has no timeline): none is then empty. */
    public PeopleCountResult {
        detectionStrategies = detectionStrategies == null ? List.of() : List.copyOf(detectionStrategies);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    public PeopleCountResult(int personCount, int rawTrackCount, double fps, List<String> detectionStrategies, List<Alert> alerts,
            List<Sample> timeline, double annotatedTimestamp, double processingTime, int framesProcessed, int width, int height) {
        this(personCount, rawTrackCount, fps, detectionStrategies, alerts, timeline, annotatedTimestamp, processingTime, framesProcessed,
                width, height, null);
    }

    /** The same result, timed from an earlier start (the whole job rather than the counting alone). */
    public PeopleCountResult withProcessingTime(double seconds) {
        return new PeopleCountResult(personCount, rawTrackCount, fps, detectionStrategies, alerts, timeline,
                annotatedTimestamp, seconds, framesProcessed, width, height, cleanImageUrl);
    }

    /** The same result, with the busiest frame kept clean at {@code url}. */
    public PeopleCountResult withCleanImage(String url) {
        return new PeopleCountResult(personCount, rawTrackCount, fps, detectionStrategies, alerts, timeline,
                annotatedTimestamp, processingTime, framesProcessed, width, height, url);
    }

    /** The sample analysed at {@code seconds}, or null if none was. */
    public Sample sampleAt(double seconds) {
        return timeline.stream().filter(sample -> Math.abs(sample.timestamp() - seconds) < 1e-6).findFirst().orElse(null);
    }

    /**
     * Something worth a person's attention.
     *
     * @param timestamp seconds into the video where it happened; null when it concerns the whole video
     */
    public record Alert(String message, Double timestamp) {

        /** IntelliVision writes the moment as a clock time ("00:00:05"); the console, in seconds. */
        @JsonCreator
        static Alert read(@JsonProperty("message") String message, @JsonProperty("timestamp") JsonNode timestamp) {
            if (timestamp == null || timestamp.isNull()) {
                return new Alert(message, null);
            }
            if (timestamp.isNumber()) {
                return new Alert(message, timestamp.asDouble());
            }
            try {
                return new Alert(message, Timecode.parseSeconds(timestamp.asText()));
            } catch (IllegalArgumentException notATime) {
                return new Alert(message, null);
            }
        }
    }

    /**
     * People in view at one analysed frame, {@code timestamp} seconds into the video.
     *
     * @param boxes where each of them was; empty where the count did not say (an older count, a server's)
     */
    public record Sample(double timestamp, int count, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PersonBox> boxes) {

        public Sample {
            boxes = boxes == null ? List.of() : List.copyOf(boxes);
        }

        public Sample(double timestamp, int count) {
            this(timestamp, count, List.of());
        }
    }
}
