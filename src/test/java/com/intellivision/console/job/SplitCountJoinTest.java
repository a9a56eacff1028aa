package com.intellivision.console.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The join of a split count's parts: a 40 s video at 2 samples a second, cut at 20 s, the second part counting from 16 s. */
class SplitCountJoinTest {

    private static final CountSegment FIRST = CountSegment.of(0, 2, 40);
    private static final CountSegment SECOND = CountSegment.of(1, 2, 40);

    @Test
    void theSegmentsOfAFortySecondVideoAreCutAtTwentySecondsWithFourSecondsOfOverlap() {
        assertThat(FIRST).isEqualTo(new CountSegment(0, 2, 0, 0, 20.0));
        assertThat(SECOND).isEqualTo(new CountSegment(1, 2, 16, 20, null));
        assertThat(CountSegment.of(1, 8, 39.9)).as("too short for two parts of 20 s").satisfies(part -> {
            assertThat(part.parts()).isEqualTo(1);
            assertThat(part.isEmpty()).isTrue();
        });
        assertThat(CountSegment.of(0, 8, 0).parts()).as("a length nobody knows").isEqualTo(1);
    }

    @Test
    void onePersonCrossingTheBoundaryIsCountedOnce() {
        // Walks left to right from 14 s to 26 s: the first part sees 14..19.5, the second 16..26.
        Part first = new Part(FIRST).walker(1, 14, 20, 0);
        Part second = new Part(SECOND).walker(1, 16, 26, 0);

        ObjectNode joined = SplitCountJoin.join(List.of(first.json(), second.json()), 12.5, null).results();

        assertThat(first.confirmed() + second.confirmed()).isEqualTo(2);
        assertThat(joined.get("person_count").asInt()).isEqualTo(1);
        assertThat(joined.get("parts").asInt()).isEqualTo(2);
        assertThat(tracksIn(joined)).containsOnlyKeys(1);
        assertThat(joined.get("processing_time").asDouble()).isEqualTo(12.5);
    }

    @Test
    void twoPeopleInTheOverlapAtDistinctPlacesAreCountedTwice() {
        // Both parts see both, one on the left and one on the right of the square.
        Part first = new Part(FIRST).walker(1, 15, 20, 0).walker(2, 15, 20, 300);
        Part second = new Part(SECOND).walker(1, 16, 24, 300).walker(2, 16, 24, 0);

        assertThat(SplitCountJoin.join(List.of(first.json(), second.json()), 1, null).results().get("person_count").asInt()).isEqualTo(2);
        assertThat(tracksIn(SplitCountJoin.join(List.of(first.json(), second.json()), 1, null).results())).hasSize(2);

        // Each part sees one of them, at places that do not overlap: nobody to match.
        Part onlyLeft = new Part(FIRST).walker(1, 16, 20, 0);
        Part onlyRight = new Part(SECOND).walker(1, 16, 20, 300);
        ObjectNode apart = SplitCountJoin.join(List.of(onlyLeft.json(), onlyRight.json()), 1, null).results();
        assertThat(apart.get("person_count").asInt()).isEqualTo(2);
    }

    @Test
    void tracksAreRenumberedAcrossThePartsAndTheTimelineHoldsEachSampleOnce() {
        Part first = new Part(FIRST).walker(1, 2, 6, 0).walker(2, 14, 20, 0).glimpse(3, 8);
        Part second = new Part(SECOND).walker(1, 16, 26, 0).walker(2, 30, 34, 200).glimpse(3, 36);

        SplitCountJoin.Joined join = SplitCountJoin.join(List.of(second.json(), first.json()), 1, "file:/frames/7.clean.png");
        ObjectNode joined = join.results();

        assertThat(joined.get("person_count").asInt()).isEqualTo(3);
        assertThat(joined.get("raw_track_count").asInt()).as("and two glimpses, never confirmed").isEqualTo(5);
        List<Double> times = new ArrayList<>();
        joined.get("timeline").forEach(sample -> times.add(sample.get("timestamp").asDouble()));
        assertThat(times).hasSize(80).doesNotHaveDuplicates().isSorted().startsWith(0.0).endsWith(39.5);
        assertThat(joined.get("frames_processed").asInt()).isEqualTo(80);
        // In order of first appearance, as an unsplit count numbers them: 1 at 2 s, the glimpse at 8 s, the crosser at 14 s, ...
        Map<Integer, double[]> tracks = tracksIn(joined);
        assertThat(tracks).containsOnlyKeys(1, 2, 3, 4, 5);
        assertThat(tracks.get(1)).containsExactly(2, 5.5);
        assertThat(tracks.get(2)).containsExactly(8, 8);
        assertThat(tracks.get(3)).as("the crosser, one number from 14 s to 26 s").containsExactly(14, 25.5);
        assertThat(tracks.get(4)).containsExactly(30, 33.5);
        assertThat(tracks.get(5)).containsExactly(36, 36);
        assertThat(joined.get("clean_image_url").asText()).isEqualTo("file:/frames/7.clean.png");
        assertThat(joined.get("fps").asDouble()).isEqualTo(2.0);
        assertThat(joined.get("width").asInt()).isEqualTo(640);
    }

    @Test
    void theBusiestPartsFrameIsTheJobsAndAlertsAreKeptOnceByThePartThatOwnsTheirTime() {
        Part first = new Part(FIRST).walker(1, 2, 6, 0).alert("crowd", 3.0).alert("crowd in the overlap", 17.0).alert("No people were detected in the video.", null);
        Part second = new Part(SECOND).walker(1, 25, 30, 0).walker(2, 25, 30, 300).alert("crowd in the overlap", 17.0).alert("late crowd", 26.0);

        SplitCountJoin.Joined join = SplitCountJoin.join(List.of(first.json(), second.json()), 1, null);

        assertThat(join.busiestPart()).isEqualTo(1);
        assertThat(join.results().get("annotated_timestamp").asDouble()).isEqualTo(25.0);
        List<String> alerts = new ArrayList<>();
        join.results().get("alerts").forEach(alert -> alerts.add(alert.get("message").asText()));
        assertThat(alerts).containsExactly("crowd", "crowd in the overlap", "late crowd");
    }

    /** The first and last time each track of the joined timeline is seen. */
    private static Map<Integer, double[]> tracksIn(JsonNode results) {
        Map<Integer, double[]> tracks = new HashMap<>();
        for (JsonNode sample : results.get("timeline")) {
            double at = sample.get("timestamp").asDouble();
            for (JsonNode box : sample.path("boxes")) {
                tracks.merge(box.get("track").asInt(), new double[] {at, at}, (was, now) -> new double[] {Math.min(was[0], at), Math.max(was[1], at)});
            }
        }
        return tracks;
    }

    /** One part's results as its worker reports them, built up walker by walker. */
    private static final class Part {
        private final CountSegment segment;
        private final Map<Double, List<PersonBox>> boxes = new HashMap<>();
        private final List<PeopleCountResult.Alert> alerts = new ArrayList<>();

        Part(CountSegment segment) {
            this.segment = segment;
        }

        /** A person walking right 10 px a sample, at {@code startX} when the video starts, seen at each sample from {@code from} until before {@code until}. */
        Part walker(int track, double from, double until, int startX) {
            for (double t = Math.max(from, segment.countedFrom()); t < Math.min(until, segment.untilSeconds()); t += 0.5) {
                boxes.computeIfAbsent(t, key -> new ArrayList<>()).add(new PersonBox(startX + (int) (t * 20), 100, 60, 150, track));
            }
            return this;
        }

        /** A detection seen once: never confirmed. */
        Part glimpse(int track, double at) {
            boxes.computeIfAbsent(at, key -> new ArrayList<>()).add(new PersonBox(500, 20, 40, 100, track));
            return this;
        }

        Part alert(String message, Double at) {
            alerts.add(new PeopleCountResult.Alert(message, at));
            return this;
        }

        int confirmed() {
            Map<Integer, Integer> seen = new HashMap<>();
            boxes.values().forEach(list -> list.forEach(box -> seen.merge(box.track(), 1, Integer::sum)));
            return (int) seen.values().stream().filter(times -> times >= 2).count();
        }

        JsonNode json() {
            List<PeopleCountResult.Sample> timeline = new ArrayList<>();
            double busiestAt = segment.countedFrom();
            int most = -1;
            for (double t = segment.countedFrom(); t < Math.min(40, segment.untilSeconds()); t += 0.5) {
                List<PersonBox> here = boxes.getOrDefault(t, List.of());
                timeline.add(new PeopleCountResult.Sample(t, here.size(), here));
                if (here.size() > most) {
                    most = here.size();
                    busiestAt = t;
                }
            }
            PeopleCountResult result = new PeopleCountResult(confirmed(), (int) boxes.values().stream().flatMap(List::stream)
                    .map(PersonBox::track).distinct().count(), 2.0, List.of("hog", "motion_regions"), alerts, timeline, busiestAt, 9.0,
                    timeline.size(), 640, 360);
            ObjectNode json = JobJson.mapper().valueToTree(result);
            json.set(CountSegment.RESULTS_KEY, JobJson.mapper().valueToTree(segment));
            return json;
        }
    }
}
