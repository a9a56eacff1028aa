package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What a video's card says, from the fields `yt-dlp -j` prints for a video and the format it chose. */
class VideoFactsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aYouTubeVideoGivesItsLengthChannelAndChosenStream() throws Exception {
        VideoFacts facts = VideoFacts.of(json.readTree("""
                {"title": "Courtyard", "duration": 212, "channel": "Courtyard Cams", "uploader": "cams",
                 "width": 1920, "height": 1080, "vcodec": "avc1.640028", "acodec": "none", "ext": "mp4"}"""));

        assertThat(facts).isEqualTo(new VideoFacts(212.0, "Courtyard Cams", "1920×1080 H.264, mp4"));
    }

    @Test
    void aPageWithLittleToSayGivesWhatItHas() throws Exception {
        VideoFacts facts = VideoFacts.of(json.readTree("""
                {"title": "clip", "uploader": "someone", "vcodec": "none", "ext": "webm", "duration": null}"""));

        assertThat(facts).isEqualTo(new VideoFacts(null, "someone", "webm"));
        assertThat(VideoFacts.of(json.readTree("{}"))).isEqualTo(new VideoFacts(null, null, null));
    }

    @Test
    void codecsAreNamedAsPeopleKnowThem() throws Exception {
        assertThat(VideoFacts.of(json.readTree("{\"vcodec\": \"vp09.00.40.08\", \"height\": 720, \"width\": 1280}")).stream())
                .isEqualTo("1280×720 VP9");
        assertThat(VideoFacts.of(json.readTree("{\"vcodec\": \"av01.0.08M.08\"}")).stream()).isEqualTo("AV1");
    }
}
