package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The two lines an emergency count watches people cross, in the video's own pixels, with the size of
 * the frame they were drawn on, as IntelliVision's {@code emergency-count} takes them.
 */
public record EmergencyLines(List<Line> lines, int videoWidth, int videoHeight) {

    /** A line from one point of the frame to another. */
    public record Line(
            @JsonProperty("start_x") double startX,
            @JsonProperty("start_y") double startY,
            @JsonProperty("end_x") double endX,
            @JsonProperty("end_y") double endY) {

        @JsonIgnore
        public boolean isPoint() {
            return startX == endX && startY == endY;
        }
    }

    public static final int LINES = 2;

    public EmergencyLines {
        lines = List.copyOf(lines);
        if (lines.size() != LINES) {
            throw new IllegalArgumentException("an emergency count needs exactly " + LINES + " lines, not " + lines.size());
        }
        if (videoWidth < 1 || videoHeight < 1) {
            throw new IllegalArgumentException("the frame the lines were drawn on has no size: " + videoWidth + " × " + videoHeight);
        }
        for (Line line : lines) {
            if (line.isPoint()) {
                throw new IllegalArgumentException("a line must go from one point to another, not stay at one");
            }
            if (!RegionBounds.inside(line.startX(), line.startY(), videoWidth, videoHeight)
                    || !RegionBounds.inside(line.endX(), line.endY(), videoWidth, videoHeight)) {
                throw new IllegalArgumentException("a line leaves the " + videoWidth + " × " + videoHeight + " frame");
            }
        }
    }

    /** The settings of a job request: {@code emergency_lines}, {@code video_width}, {@code video_height}. */
    public ObjectNode toParams() {
        ObjectNode params = JobJson.mapper().createObjectNode();
        params.set("emergency_lines", JobJson.mapper().valueToTree(lines));
        params.put("video_width", videoWidth);
        params.put("video_height", videoHeight);
        return params;
    }
}
