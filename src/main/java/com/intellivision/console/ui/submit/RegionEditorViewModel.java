package com.intellivision.console.ui.submit;

import com.intellivision.console.job.EmergencyLines;
import com.intellivision.console.job.LobbyZones.Point;
import com.intellivision.console.job.LobbyZones.Zone;
import com.intellivision.console.job.LobbyZones;
import com.intellivision.console.ui.common.Failures;
import com.intellivision.console.ui.common.TaskRunner;
import com.intellivision.console.ui.submit.JobKind.Regions;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Drawing an emergency count's two lines, or a lobby detection's zones, on a frame of the video itself,
 * so that they are sent in the video's own pixels and nobody types coordinates. The frame is taken by
 * the local pool in the background when the editor opens.
 */
public final class RegionEditorViewModel {

    /** A frame of the video on this machine, with the video's size. */
    public record Frame(String imageUrl, int width, int height) {}

    static final String TAKING_FRAME = "Taking a frame of the video with the local pool…";
    static final int DEFAULT_THRESHOLD = 5;

    private final Regions regions;
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(TAKING_FRAME);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private final ObservableList<EmergencyLines.Line> lines = FXCollections.observableArrayList();
    private final ObservableList<Zone> zones = FXCollections.observableArrayList();
    private final ObservableList<Point> openZone = FXCollections.observableArrayList();
    private final IntegerProperty threshold = new SimpleIntegerProperty(DEFAULT_THRESHOLD);
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(false);

    /**
     * @param grabFrame takes a frame of the video at {@code url}, blocking; run in the background
     * @param linesBefore, zonesBefore what was drawn on this video last time, to go on from, or null
     */
    public RegionEditorViewModel(Regions regions, String url, TaskRunner tasks, Function<String, Frame> grabFrame, EmergencyLines linesBefore,
            LobbyZones zonesBefore) {
        if (regions == Regions.NONE) {
            throw new IllegalArgumentException("this kind of job has nothing to draw");
        }
        this.regions = regions;
        if (linesBefore != null) {
            lines.setAll(linesBefore.lines());
        }
        if (zonesBefore != null) {
            zones.setAll(zonesBefore.zones());
        }
        hint.bind(Bindings.createStringBinding(this::hintNow, lines, zones, openZone, frame));
        complete.bind(Bindings.createBooleanBinding(() -> frame.get() != null
                && (regions == Regions.LINES ? lines.size() == EmergencyLines.LINES : !zones.isEmpty() && openZone.isEmpty()),
                lines, zones, openZone, frame));
        tasks.run(() -> grabFrame.apply(url), taken -> {
            loading.set(false);
            status.set("");
            frame.set(taken);
        }, failure -> {
            loading.set(false);
            status.set("The frame to draw on could not be taken: " + Failures.messageOf(failure));
        });
    }

    private String hintNow() {
        if (frame.get() == null) {
            return "";
        }
        if (regions == Regions.LINES) {
            return switch (lines.size()) {
                case 0 -> "Drag across the frame to draw the first line people cross.";
                case 1 -> "Drag to draw the second line.";
                default -> "Both lines are drawn. Undo or clear to draw them again.";
            };
        }
        if (!openZone.isEmpty()) {
            return openZone.size() < LobbyZones.MIN_POINTS
                    ? "Click to add corners; a zone needs at least " + LobbyZones.MIN_POINTS + "."
                    : "Click to add corners; double-click or Close zone to finish it.";
        }
        return zones.isEmpty() ? "Click the corners of a zone to watch; double-click to close it."
                : zones.size() + (zones.size() == 1 ? " zone" : " zones") + " drawn. Click to start another.";
    }

    /** Adds a line between two points of the frame, in the video's pixels; ignored once both are drawn. */
    public void addLine(double startX, double startY, double endX, double endY) {
        EmergencyLines.Line line = new EmergencyLines.Line(round(startX), round(startY), round(endX), round(endY));
        if (lines.size() < EmergencyLines.LINES && !line.isPoint()) {
            lines.add(line);
        }
    }

    /** Adds a corner to the zone being drawn, starting one if none is. */
    public void addCorner(double x, double y) {
        openZone.add(new Point(round(x), round(y)));
    }

    /** Finishes the zone being drawn, with the threshold chosen; false if it has too few corners. */
    public boolean closeZone() {
        if (openZone.size() < LobbyZones.MIN_POINTS) {
            return false;
        }
        zones.add(new Zone("Zone " + (zones.size() + 1), List.copyOf(openZone), Math.max(1, threshold.get())));
        openZone.clear();
        return true;
    }

    /** Takes back the last corner, zone or line. */
    public void undo() {
        if (!openZone.isEmpty()) {
            openZone.remove(openZone.size() - 1);
        } else if (regions == Regions.ZONES && !zones.isEmpty()) {
            zones.remove(zones.size() - 1);
        } else if (!lines.isEmpty()) {
            lines.remove(lines.size() - 1);
        }
    }

    public void clear() {
        lines.clear();
        zones.clear();
        openZone.clear();
    }

    /** The lines drawn, ready for the request; empty until both are. */
    public Optional<EmergencyLines> drawnLines() {
        return regions == Regions.LINES && complete.get() ? Optional.of(new EmergencyLines(lines, frame.get().width(), frame.get().height()))
                : Optional.empty();
    }

    /** The zones drawn, ready for the request; empty until one is closed. */
    public Optional<LobbyZones> drawnZones() {
        return regions == Regions.ZONES && complete.get() ? Optional.of(new LobbyZones(zones, frame.get().width(), frame.get().height()))
                : Optional.empty();
    }

    /** Whole pixels are what people can point at; fractions would only pretend to precision. */
    private static double round(double pixel) {
        return Math.round(pixel);
    }

    public Regions regions() {
        return regions;
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** While the frame is being taken, or why it could not be; empty once it is shown. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ObservableList<EmergencyLines.Line> lines() {
        return lines;
    }

    public ObservableList<Zone> zones() {
        return zones;
    }

    /** The corners of the zone being drawn. */
    public ObservableList<Point> openZone() {
        return openZone;
    }

    /** People in the next zone above which it raises an alert. */
    public IntegerProperty thresholdProperty() {
        return threshold;
    }

    /** What to do next, in a sentence. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** Whether enough is drawn to submit. */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }
}
