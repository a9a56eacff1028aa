package com.intellivision.console.job;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The zones a lobby detection watches, in the video's own pixels, each with the number of people above
 * which it raises an alert, as IntelliVision's {@code lobby-detection} takes them: an object keyed by
 * zone name, each with {@code points} ({@code [x, y]} pairs) and {@code threshold}.
 */
public record LobbyZones(List<Zone> zones, int videoWidth, int videoHeight) {

    public static final int MIN_POINTS = 3;

    /** A point of the frame, written as {@code [x, y]}. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record Point(double x, double y) {}

    /** A polygon of at least {@value #MIN_POINTS} points. */
    public record Zone(String name, List<Point> points, int threshold) {
        public Zone {
            points = List.copyOf(points);
        }
    }

    public LobbyZones {
        zones = List.copyOf(zones);
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("a lobby detection needs at least one zone");
        }
        if (videoWidth < 1 || videoHeight < 1) {
            throw new IllegalArgumentException("the frame the zones were drawn on has no size: " + videoWidth + " × " + videoHeight);
        }
        Set<String> names = new HashSet<>();
        for (Zone zone : zones) {
            if (zone.name() == null || zone.name().isBlank()) {
                throw new IllegalArgumentException("every zone needs a name");
            }
            if (!names.add(zone.name())) {
                throw new IllegalArgumentException("two zones are called '" + zone.name() + "'; give each its own name");
            }
            if (zone.points().size() < MIN_POINTS) {
                throw new IllegalArgumentException("zone '" + zone.name() + "' has " + zone.points().size()
                        + " points; a zone needs at least " + MIN_POINTS);
            }
            if (zone.threshold() < 1) {
                throw new IllegalArgumentException("zone '" + zone.name() + "' needs a threshold of 1 person or more");
            }
            for (Point point : zone.points()) {
                if (!RegionBounds.inside(point.x(), point.y(), videoWidth, videoHeight)) {
                    throw new IllegalArgumentException("zone '" + zone.name() + "' leaves the " + videoWidth + " × " + videoHeight + " frame");
                }
            }
        }
    }

    /** The settings of a job request: {@code lobby_zones}, {@code video_width}, {@code video_height}. */
    public ObjectNode toParams() {
        ObjectNode params = JobJson.mapper().createObjectNode();
        ObjectNode byName = params.putObject("lobby_zones");
        for (Zone zone : zones) {
            ObjectNode entry = byName.putObject(zone.name());
            entry.set("points", JobJson.mapper().valueToTree(zone.points()));
            entry.put("threshold", zone.threshold());
        }
        params.put("video_width", videoWidth);
        params.put("video_height", videoHeight);
        return params;
    }
}
