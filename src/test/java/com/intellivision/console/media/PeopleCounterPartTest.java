package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.CountParams;
import com.intellivision.console.job.CountSegment;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.PeopleCountResult;
import com.intellivision.console.job.SplitCountJoin;
import com.intellivision.console.testsupport.CrossingVideos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of a split count, counted in one process: a 40 s video crossed by one person from 13 s to 27 s. */
class PeopleCounterPartTest {

    @TempDir
    static Path temp;

    static VideoSource source;

    @BeforeAll
    static void writeVideo() throws Exception {
        Path video = CrossingVideos.write(temp.resolve("crossing.mp4"), 40, List.of(new CrossingVideos.Crossing(13, 27)));
        source = new VideoSource(video.toString(), Map.of(), "crossing.mp4", "direct");
    }

    @Test
    void eachPartCountsItsStretchAndTheOverlapOnTheWholeVideosSampleTimesAndTheJoinFindsOnePerson() throws Exception {
        List<Integer> told = new ArrayList<>();
        PeopleCounter.PartCount first = count(0, 2, told);
        PeopleCounter.PartCount second = count(1, 2, told);

        assertThat(told).as("into how many parts the video is cut").containsExactly(2, 2);
        assertThat(first.segment()).isEqualTo(new CountSegment(0, 2, 0, 0, 20.0));
        assertThat(second.segment()).isEqualTo(new CountSegment(1, 2, 16, 20, null));
        assertThat(times(first.result())).hasSize(40).startsWith(0.0).endsWith(19.5);
        assertThat(times(second.result())).hasSize(48).startsWith(16.0, 16.5).endsWith(39.5);
        assertThat(first.result().personCount()).isEqualTo(1);
        assertThat(second.result().personCount()).isEqualTo(1);
        assertThat(first.result().alerts()).as("the first part stops at 20 s on purpose, not cut short").isEmpty();

        ObjectNode joined = SplitCountJoin.join(List.of(json(first), json(second)), 1, null).results();
        assertThat(joined.get("person_count").asInt()).isEqualTo(1);
        assertThat(joined.get("timeline")).hasSize(80);
    }

    @Test
    void aPartBeyondThoseTheVideoIsCutIntoHasNothingToCount() throws Exception {
        List<Integer> told = new ArrayList<>();

        PeopleCounter.PartCount third = count(2, 3, told);

        assertThat(told).containsExactly(2);
        assertThat(third.segment().isEmpty()).isTrue();
        assertThat(third.result()).isNull();
    }

    private static PeopleCounter.PartCount count(int index, int asked, List<Integer> told) throws MediaException {
        return new PeopleCounter().countPart(source, CountParams.defaults(), index, asked, told::add, temp.resolve("part" + index + ".png"),
                null, null, (percentage, stage, details) -> { });
    }

    private static List<Double> times(PeopleCountResult result) {
        return result.timeline().stream().map(PeopleCountResult.Sample::timestamp).toList();
    }

    private static JsonNode json(PeopleCounter.PartCount part) {
        ObjectNode json = JobJson.mapper().valueToTree(part.result());
        json.set(CountSegment.RESULTS_KEY, JobJson.mapper().valueToTree(part.segment()));
        return json;
    }
}
