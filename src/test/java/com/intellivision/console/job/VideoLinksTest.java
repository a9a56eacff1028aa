package com.intellivision.console.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.VideoLinks.Kind;
import com.intellivision.console.job.VideoLinks.Reading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form of source people paste, read before any job exists. */
class VideoLinksTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42",
        "http://m.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://music.youtube.com/watch?v=dQw4w9WgXcQ&list=RDAMVM",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ?si=abc",
        "https://www.youtube.com/shorts/dQw4w9WgXcQ",
        "https://www.youtube.com/live/dQw4w9WgXcQ?feature=share",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "  https://youtu.be/dQw4w9WgXcQ  "})
    void youTubeVideoLinksInEveryFormAreVideos(String link) {
        assertThat(VideoLinks.read(link)).isEqualTo(new Reading(Kind.YOUTUBE_VIDEO, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/clip.mp4", "http://127.0.0.1:8099/vtest.avi", "https://cdn.example.org/live/index.m3u8",
        "https://vimeo.com/123456"})
    void otherWebLinksAreLinks(String link) {
        assertThat(VideoLinks.read(link).kind()).isEqualTo(Kind.WEB_LINK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/home/ana/videos/clip.mp4", "~/clip.mp4", "./clip.mp4", "../clips/a b.mov", "C:\\Videos\\clip.mp4", "D:/v.mkv",
        "file:///home/ana/clip.mp4", "\\\\server\\share\\clip.mp4"})
    void pathsAndFileLinksAreLocalFiles(String path) {
        assertThat(VideoLinks.read(path).kind()).isEqualTo(Kind.LOCAL_FILE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not a url at all|'not a url at all' is neither a link nor the path of a file.",
        "youtube.com/watch?v=dQw4w9WgXcQ|A link needs its https:// at the start: https://youtube.com/watch?v=dQw4w9WgXcQ",
        "clip.mp4|'clip.mp4' looks like a file's name: give its whole path, or choose the file.",
        "ftp://example.org/clip.mp4|'ftp:' links cannot be used; only http(s) links and video files can.",
        "javascript:alert(1)|'javascript:' links cannot be used",
        "data:video/mp4;base64,AAAA|'data:' links cannot be used",
        "https://www.youtube.com/playlist?list=PL123|That is a playlist, not one video.",
        "https://www.youtube.com/@somechannel|That is a channel, not one video.",
        "https://www.youtube.com/|That is YouTube's home page, not one video.",
        "https://www.youtube.com/watch?v=short|That YouTube link names no video.",
        "https://youtu.be/|That YouTube link names no video.",
        "https:///clip.mp4|That link names no site.",
        "https://exa mple.org/x.mp4|That link is not well formed (Illegal character in authority at character 9)."})
    void whatCannotWorkIsRefusedWithItsReason(String text, String reasonStart) {
        Reading reading = VideoLinks.read(text);

        assertThat(reading.kind()).isEqualTo(Kind.UNUSABLE);
        assertThat(reading.problem()).startsWith(reasonStart);
        assertThat(reading.usable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankIsNothingYetAndNoProblem(String text) {
        assertThat(VideoLinks.read(text)).isEqualTo(new Reading(Kind.NOTHING, ""));
    }

    @org.junit.jupiter.api.Test
    void overLongTextAndControlCharactersAreRefused() {
        assertThat(VideoLinks.read("https://example.org/" + "a".repeat(5000)).problem()).contains("too long");
        assertThat(VideoLinks.read("https://example.org/a\nhttps://example.org/b").problem()).contains("control characters");
    }
}
