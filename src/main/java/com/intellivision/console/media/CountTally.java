package com.intellivision.console.media;

import com.intellivision.console.job.PeopleCountResult;
import com.intellivision.console.job.PersonBox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** What a count has seen so far: the tracks, the people in each analysed frame, the alerts, the busiest frame. */
final class CountTally implements AutoCloseable {

    private final double fps;
    private final BoxTracker tracker;
    private final CountAlerts alerts;
    private final List<PeopleCountResult.Sample> timeline = new ArrayList<>();
    private final BusiestFrame busiest = new BusiestFrame();

    /** @param fps frames analysed per second of video */
    CountTally(double fps, Integer alertThreshold) {
        this.fps = fps;
        this.tracker = new BoxTracker(1 / fps);
        this.alerts = new CountAlerts(alertThreshold);
    }

    /** Takes in one analysed frame and the people found in it; answers its sample, with their boxes. */
    PeopleCountResult.Sample add(Mat bgr, double seconds, List<Detection> found) {
        List<TrackedBox> people = tracker.update(found.stream().map(Detection::box).toList());
        PeopleCountResult.Sample sample = new PeopleCountResult.Sample(CountAlerts.roundedToMillis(seconds), people.size(), boxesOf(people));
        timeline.add(sample);
        alerts.observe(seconds, people.size());
        busiest.offer(bgr, seconds, people);
        return sample;
    }

    boolean isEmpty() {
        return timeline.isEmpty();
    }

    /** Adds the alerts that can only be given at the end: parts of the video that could not be read, and no one found. */
    void finish(FrameSampler sampler) {
        sampler.damage().forEach(alerts::damaged);
        if (sampler.countsToTheEnd()) {
            // A part of a split count that stops before the end does so on purpose.
            alerts.checkEnd(sampler.readUpToSeconds(), sampler.durationSeconds());
        }
        alerts.checkAnyone(tracker.confirmedTracks());
    }

    /** The people of one frame as the results keep them. */
    static List<PersonBox> boxesOf(List<TrackedBox> people) {
        return people.stream().map(person -> new PersonBox(person.box().x(), person.box().y(), person.box().width(), person.box().height(),
                person.trackId())).toList();
    }

    void writeBusiestFrame(Path png) throws MediaException {
        busiest.write(png);
    }

    /** Writes the busiest frame as it was to {@code clean}, then with its people boxed to {@code png}. */
    void writeBusiestFrame(Path png, Path clean) throws MediaException {
        busiest.write(png, clean);
    }

    PeopleCountResult result(List<String> strategies, int width, int height, double processingSeconds) {
        return new PeopleCountResult(tracker.confirmedTracks(), tracker.createdTracks(), fps, strategies, alerts.all(),
                timeline, CountAlerts.roundedToMillis(busiest.seconds()), Math.round(processingSeconds * 1000) / 1000.0, timeline.size(),
                width, height);
    }

    @Override
    public void close() {
        busiest.close();
    }
}
