package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a job does; the wire names are IntelliVision's {@code job_type} values. */
public enum JobType {
    YOUTUBE_FRAME_EXTRACTION("youtube_frame_extraction", "Frame"),
    PEOPLE_COUNT("people-count", "People count");

    private final String wireName;
    private final String displayName;

    JobType(String wireName, String displayName) {
        this.wireName = wireName;
        this.displayName = displayName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public String displayName() {
        return displayName;
    }

    @JsonCreator
    public static JobType fromWireName(String name) {
        for (JobType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown job type: " + name);
    }
}
