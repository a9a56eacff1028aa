package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.intellivision.console.job.Storyboard;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * What the console takes from yt-dlp's answer for a YouTube video. YouTube cannot be reached here, so
 * the answer is a fixture with the fields and shape of yt-dlp's info JSON for a YouTube video.
 */
class YouTubeInfoTest {

    @Test
    void takesTheStreamItsHeadersTitleThumbnailAndSharpestStoryboard() throws Exception {
        VideoSource source = YtDlp.toSource("https://youtu.be/aBcDeFgHiJk", fixture());

        assertThat(source.input()).startsWith("https://rr3---sn-example.googlevideo.com/videoplayback");
        assertThat(source.httpHeaders()).containsKey("User-Agent").containsEntry("Sec-Fetch-Mode", "navigate");
        assertThat(source.title()).isEqualTo("Harbour camera, morning");
        assertThat(source.thumbnailUrl()).isEqualTo("https://i.ytimg.com/vi/aBcDeFgHiJk/maxresdefault.jpg");
        Storyboard storyboard = source.storyboard();
        assertThat(storyboard.tileWidth()).isEqualTo(320);
        assertThat(storyboard.sheets()).hasSize(3);
    }

    @Test
    void findsTheTileOfAnyMomentInTheStoryboard() throws Exception {
        Storyboard storyboard = YtDlp.storyboard(fixture()).orElseThrow();

        // Each sheet holds 3 x 3 tiles of 2 s: 40 s is 4 s into the third sheet, its third tile.
        assertThat(storyboard.tileAt(40)).contains(new Storyboard.Tile(
                "https://i.ytimg.com/sb/aBcDeFgHiJk/storyboard3_L3/M2.jpg?sqp=x&sigh=z", 640, 0, 320, 180));
        assertThat(storyboard.tileAt(17.9)).get().extracting(Storyboard.Tile::x, Storyboard.Tile::y).containsExactly(640, 360);
        assertThat(storyboard.tileAt(60)).isEmpty();
    }

    private static JsonNode fixture() throws Exception {
        try (InputStream json = YouTubeInfoTest.class.getResourceAsStream("/yt-dlp/youtube-info.json")) {
            return new ObjectMapper().readTree(json);
        }
    }
}
