package com.intellivision.console.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins the parts of a split people count into the one result an unsplit count would give. Each part
 * counted its own stretch of the video and the last {@link CountSegment#OVERLAP_SECONDS} seconds of the
 * part before; a person in that overlap was counted by both parts, so confirmed tracks of neighbouring
 * parts whose boxes coincide at the same sample times are taken for one person. The timeline takes each
 * sample from the part that owns it, with track numbers made one sequence across the parts.
 */
public final class SplitCountJoin {

    /** Boxes of two tracks overlapping this much (intersection over union) at the same times are one person. */
    static final double SAME_PERSON_OVERLAP = 0.4;

    /** One part's counting: its results in the people-count schema and the stretch it covered. */
    public record Part(PeopleCountResult result, CountSegment segment) {

        /** Reads a part's results as its worker sent them: the schema's fields and its {@link CountSegment}. */
        public static Part of(JsonNode results) {
            return new Part(JobJson.mapper().convertValue(results, PeopleCountResult.class),
                    JobJson.mapper().convertValue(results.get(CountSegment.RESULTS_KEY), CountSegment.class));
        }
    }

    /**
     * The joined results.
     *
     * @param results the people-count schema's fields, with {@code parts} and any warnings of the parts
     * @param busiestPart the part whose busiest frame is the job's: its images are the job's
     */
    public record Joined(ObjectNode results, int busiestPart) {}

    private SplitCountJoin() {}

    /**
     * @param parts every part the video was cut into, each with its results' JSON
     * @param processingSeconds how long the whole job took
     * @param cleanImageUrl where the job's busiest frame without boxes will be, or null
     */
    public static Joined join(List<JsonNode> parts, double processingSeconds, String cleanImageUrl) {
        // Parts beyond those the video was cut into carry their segment alone.
        List<Part> ordered = parts.stream()
                .filter(part -> !JobJson.mapper().convertValue(part.get(CountSegment.RESULTS_KEY), CountSegment.class).isEmpty()).map(Part::of)
                .sorted(Comparator.comparingInt(part -> part.segment().index())).toList();
        if (ordered.isEmpty()) {
            throw new IllegalArgumentException("a split count needs at least one part with a stretch to join");
        }
        Map<TrackKey, TrackKey> sameAs = new HashMap<>();
        int confirmed = 0;
        for (int k = 0; k < ordered.size(); k++) {
            confirmed += ordered.get(k).result().personCount();
            if (k > 0) {
                sameAs.putAll(matchInOverlap(k - 1, ordered.get(k - 1), k, ordered.get(k)));
            }
        }
        int personCount = confirmed - sameAs.size();
        List<PeopleCountResult.Sample> timeline = joinedTimeline(ordered, sameAs);
        int busiest = busiestPart(ordered);
        PeopleCountResult first = ordered.get(0).result();
        PeopleCountResult joined = new PeopleCountResult(personCount, Math.max(personCount, distinctTracks(timeline)), first.fps(),
                strategies(ordered), alerts(ordered, personCount), timeline, ordered.get(busiest).result().annotatedTimestamp(),
                Math.round(processingSeconds * 1000) / 1000.0, timeline.size(), first.width(), first.height(), cleanImageUrl);
        ObjectNode results = JobJson.mapper().valueToTree(joined);
        results.put("parts", ordered.size());
        ArrayNode warnings = JobJson.mapper().createArrayNode();
        parts.stream().flatMap(part -> iterable(part.path("warnings")).stream()).map(JsonNode::asText).distinct().forEach(warnings::add);
        if (!warnings.isEmpty()) {
            results.set("warnings", warnings);
        }
        return new Joined(results, ordered.get(busiest).segment().index());
    }

    /** A track of one part: the part's position in the join and the track's number within the part. */
    private record TrackKey(int part, int track) {}

    /**
     * The confirmed tracks of {@code later} that are confirmed tracks of {@code earlier}, each mapped to
     * it: pairs seen at the same sample times in the overlap, their boxes overlapping most there first.
     */
    private static Map<TrackKey, TrackKey> matchInOverlap(int earlierIndex, Part earlier, int laterIndex, Part later) {
        Map<Long, PeopleCountResult.Sample> earlierAt = new HashMap<>();
        for (PeopleCountResult.Sample sample : earlier.result().timeline()) {
            earlierAt.put(millis(sample.timestamp()), sample);
        }
        Set<Integer> earlierConfirmed = confirmedTracks(earlier.result());
        Set<Integer> laterConfirmed = confirmedTracks(later.result());
        Map<List<Integer>, double[]> overlapSums = new HashMap<>();
        for (PeopleCountResult.Sample sample : later.result().timeline()) {
            PeopleCountResult.Sample same = sample.timestamp() < later.segment().from() - 1e-6 ? earlierAt.get(millis(sample.timestamp())) : null;
            if (same == null) {
                continue;
            }
            for (PersonBox a : same.boxes()) {
                for (PersonBox b : sample.boxes()) {
                    if (earlierConfirmed.contains(a.track()) && laterConfirmed.contains(b.track())) {
                        double[] sum = overlapSums.computeIfAbsent(List.of(a.track(), b.track()), key -> new double[2]);
                        sum[0] += overlap(a, b);
                        sum[1]++;
                    }
                }
            }
        }
        List<Map.Entry<List<Integer>, Double>> pairs = new ArrayList<>();
        overlapSums.forEach((pair, sum) -> {
            double mean = sum[0] / sum[1];
            if (mean >= SAME_PERSON_OVERLAP) {
                pairs.add(Map.entry(pair, mean));
            }
        });
        pairs.sort(Map.Entry.<List<Integer>, Double>comparingByValue().reversed()
                .thenComparing(entry -> entry.getKey().get(0)).thenComparing(entry -> entry.getKey().get(1)));
        Map<TrackKey, TrackKey> matched = new HashMap<>();
        Set<Integer> taken = new HashSet<>();
        for (Map.Entry<List<Integer>, Double> pair : pairs) {
            TrackKey laterTrack = new TrackKey(laterIndex, pair.getKey().get(1));
            if (!matched.containsKey(laterTrack) && taken.add(pair.getKey().get(0))) {
                matched.put(laterTrack, new TrackKey(earlierIndex, pair.getKey().get(0)));
            }
        }
        return matched;
    }

    /** As the count's tracker has it: a track counts from its second sighting, and each sample shows a track once. */
    private static Set<Integer> confirmedTracks(PeopleCountResult result) {
        Map<Integer, Integer> sightings = new HashMap<>();
        result.timeline().forEach(sample -> sample.boxes().forEach(box -> sightings.merge(box.track(), 1, Integer::sum)));
        Set<Integer> confirmed = new HashSet<>();
        sightings.forEach((track, seen) -> {
            if (seen >= 2) {
                confirmed.add(track);
            }
        });
        return confirmed;
    }

    /** Each part's own samples in order, their tracks numbered 1, 2, ... as they first appear, one person one number. */
    private static List<PeopleCountResult.Sample> joinedTimeline(List<Part> parts, Map<TrackKey, TrackKey> sameAs) {
        Map<TrackKey, Integer> numbers = new HashMap<>();
        List<PeopleCountResult.Sample> timeline = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            for (PeopleCountResult.Sample sample : parts.get(k).result().timeline()) {
                if (!parts.get(k).segment().owns(sample.timestamp())) {
                    continue;
                }
                List<PersonBox> boxes = new ArrayList<>();
                for (PersonBox box : sample.boxes()) {
                    TrackKey person = firstOf(new TrackKey(k, box.track()), sameAs);
                    int number = numbers.computeIfAbsent(person, key -> numbers.size() + 1);
                    boxes.add(new PersonBox(box.x(), box.y(), box.width(), box.height(), number));
                }
                timeline.add(new PeopleCountResult.Sample(sample.timestamp(), sample.count(), boxes));
            }
        }
        timeline.sort(Comparator.comparingDouble(PeopleCountResult.Sample::timestamp));
        return timeline;
    }

    /** The track of the earliest part that a track is the same person as: one crossing several boundaries is followed back. */
    private static TrackKey firstOf(TrackKey track, Map<TrackKey, TrackKey> sameAs) {
        TrackKey first = track;
        while (sameAs.containsKey(first)) {
            first = sameAs.get(first);
        }
        return first;
    }

    private static int distinctTracks(List<PeopleCountResult.Sample> timeline) {
        return (int) timeline.stream().flatMap(sample -> sample.boxes().stream()).map(PersonBox::track).distinct().count();
    }

    /** The part whose busiest frame shows the most people; the first of equals. */
    private static int busiestPart(List<Part> parts) {
        int busiest = 0;
        int most = -1;
        for (int k = 0; k < parts.size(); k++) {
            PeopleCountResult result = parts.get(k).result();
            PeopleCountResult.Sample sample = result.sampleAt(result.annotatedTimestamp());
            int people = sample == null ? 0 : sample.count();
            if (people > most) {
                most = people;
                busiest = k;
            }
        }
        return busiest;
    }

    private static List<String> strategies(List<Part> parts) {
        Set<String> all = new LinkedHashSet<>();
        parts.forEach(part -> all.addAll(part.result().detectionStrategies()));
        return List.copyOf(all);
    }

    /**
     * Each part's alerts about its own stretch, in the video's order; an alert about the whole video
     * (no one found) only if the joined count has no one either.
     */
    private static List<PeopleCountResult.Alert> alerts(List<Part> parts, int personCount) {
        List<PeopleCountResult.Alert> alerts = new ArrayList<>();
        for (Part part : parts) {
            for (PeopleCountResult.Alert alert : part.result().alerts()) {
                boolean ownsIt = alert.timestamp() == null ? personCount == 0 : part.segment().owns(alert.timestamp());
                if (ownsIt && !alerts.contains(alert)) {
                    alerts.add(alert);
                }
            }
        }
        alerts.sort(Comparator.comparing(PeopleCountResult.Alert::timestamp, Comparator.nullsLast(Comparator.naturalOrder())));
        return alerts;
    }

    /** Intersection over union of two boxes: 1 for the same box, 0 for boxes that do not touch. */
    static double overlap(PersonBox a, PersonBox b) {
        long width = Math.max(0, Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x()));
        long height = Math.max(0, Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y()));
        long shared = width * height;
        long union = (long) a.width() * a.height() + (long) b.width() * b.height() - shared;
        return union <= 0 ? 0 : (double) shared / union;
    }

    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
