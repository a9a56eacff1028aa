package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * What a job does; the wire names are IntelliVision's {@code job_type} values. The local pool runs
 * frames and people counts; an IntelliVision server runs every type.
 */
public enum JobType {
    YOUTUBE_FRAME_EXTRACTION("youtube_frame_extraction", "Frame"),
    PEOPLE_COUNT("people-count", "People count"),
    CAR_COUNT("car-count", "Car count"),
    EMERGENCY_COUNT("emergency-count", "Emergency count"),
    LOBBY_DETECTION("lobby-detection", "Lobby detection"),
    PARKING_ANALYSIS("parking-analysis", "Parking analysis"),
    POTHOLE_DETECTION("pothole-detection", "Pothole detection"),
    FOOD_WASTE_ESTIMATION("food-waste-estimation", "Food waste"),
    ROOM_READINESS("room-readiness", "Room readiness"),
    WILDLIFE_DETECTION("wildlife-detection", "Wildlife detection");

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
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown job type: " + name));
    }

    /** The type of a wire name, or empty for one this console does not know (a newer server's). */
    public static Optional<JobType> find(String name) {
        for (JobType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
