package com.intellivision.console.ui.submit;

import com.intellivision.console.job.JobType;
import java.util.Arrays;
import java.util.List;

/**
 * What the submit bar asks of a URL; each kind shows its own settings. The first three run anywhere;
 * the others are analyses that IntelliVision servers run.
 */
public enum JobKind {
    FRAME("Frame", JobType.YOUTUBE_FRAME_EXTRACTION, Regions.NONE),
    FILMSTRIP("Filmstrip", JobType.YOUTUBE_FRAME_EXTRACTION, Regions.NONE),
    COUNT("Count people", JobType.PEOPLE_COUNT, Regions.NONE),
    CAR_COUNT("Count cars", JobType.CAR_COUNT, Regions.NONE),
    EMERGENCY_COUNT("Emergency count", JobType.EMERGENCY_COUNT, Regions.LINES),
    LOBBY_DETECTION("Lobby detection", JobType.LOBBY_DETECTION, Regions.ZONES),
    PARKING_ANALYSIS("Parking analysis", JobType.PARKING_ANALYSIS, Regions.NONE),
    POTHOLE_DETECTION("Pothole detection", JobType.POTHOLE_DETECTION, Regions.NONE),
    FOOD_WASTE_ESTIMATION("Food waste", JobType.FOOD_WASTE_ESTIMATION, Regions.NONE),
    ROOM_READINESS("Room readiness", JobType.ROOM_READINESS, Regions.NONE),
    WILDLIFE_DETECTION("Wildlife detection", JobType.WILDLIFE_DETECTION, Regions.NONE);

    /** What must be drawn on a frame of the video before the job can be submitted. */
    public enum Regions {
        NONE,
        /** Exactly two lines, which people are counted crossing. */
        LINES,
        /** One or more zones, each with a threshold of people. */
        ZONES
    }

    private final String label;
    private final JobType jobType;
    private final Regions regions;

    JobKind(String label, JobType jobType, Regions regions) {
        this.label = label;
        this.jobType = jobType;
        this.regions = regions;
    }

    public String label() {
        return label;
    }

    public JobType jobType() {
        return jobType;
    }

    public Regions regions() {
        return regions;
    }

    /** Frame, filmstrip and people count have buttons of their own; the rest are in a menu. */
    public boolean isCommon() {
        return ordinal() <= COUNT.ordinal();
    }

    /** The kinds in the menu. */
    public static List<JobKind> analyses() {
        return Arrays.stream(values()).filter(kind -> !kind.isCommon()).toList();
    }
}
