package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceResolverTest {

    /** A yt-dlp that cannot exist: any test that reaches it fails loudly. */
    private final SourceResolver resolver = new SourceResolver(new YtDlp("/nonexistent/yt-dlp"));

    @ParameterizedTest
    @ValueSource(strings = {
        "https://cdn.example.com/videos/clip.mp4", "http://127.0.0.1:8080/a/b.webm", "https://host/x.MKV?token=abc", "https://host/live/index.m3u8"})
    void streamsLinksToVideoFilesDirectly(String url) throws MediaException {
        VideoSource source = resolver.resolve(url);

        assertThat(source.input()).isEqualTo(url);
        assertThat(source.resolvedBy()).isEqualTo("direct");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42", "https://youtu.be/dQw4w9WgXcQ", "https://www.youtube.com/shorts/abc123",
        "https://www.youtube.com/embed/dQw4w9WgXcQ", "https://m.youtube.com/live/abc", "https://example.com/watch/page", "https://youtu.be/x.mp4"})
    void asksYtDlpForPagesAndEveryYouTubeLink(String url) {
        assertThat(SourceResolver.isDirectVideoLink(URI.create(url))).isFalse();
        assertThatThrownBy(() -> resolver.resolve(url)).isInstanceOf(MediaException.class).hasMessageContaining("yt-dlp could not be started");
    }

    @Test
    void opensLocalFilesByPathOrFileUri(@TempDir Path dir) throws Exception {
        Path video = Files.writeString(dir.resolve("clip.mp4"), "not really a video, but a file");

        assertThat(resolver.resolve(video.toString()).input()).isEqualTo(video.toString());
        assertThat(resolver.resolve(video.toUri().toString()).title()).isEqualTo("clip.mp4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"htp//not a url", "ftp://example.com/a.mp4", "https://", "youtube", "http:///path.mp4"})
    void refusesWhatIsNotAUrlWithAnExample(String typed) {
        assertThatThrownBy(() -> resolver.resolve(typed))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("is not a valid URL")
                .hasMessageContaining("https://www.youtube.com/watch?v=");
    }

    @Test
    void saysWhenNothingWasGiven() {
        assertThatThrownBy(() -> resolver.resolve("  ")).hasMessageContaining("No URL was given");
    }
}
