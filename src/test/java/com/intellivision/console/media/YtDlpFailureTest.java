package com.intellivision.console.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** yt-dlp's error lines, as it prints them, become messages that say what to do. */
class YtDlpFailureTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ERROR: [youtube] abc: Private video. Sign in if you've been granted access to this video | The video is private",
        "ERROR: [youtube] abc: Sign in to confirm your age. This video may be inappropriate for some users. | age-restricted",
        "ERROR: [youtube] abc: The uploader has not made this video available in your country | blocked in this region",
        "ERROR: [youtube] abc: Video unavailable | The video is unavailable",
        "ERROR: [generic] Unable to download webpage: HTTP Error 404: Not Found | 404 Not Found",
        "ERROR: Unsupported URL: https://example.com/ | yt-dlp does not know this page",
        "ERROR: [youtube] abc: Something new went wrong | Something new went wrong. If the link plays in a browser, yt-dlp may be out of date. Update it with"})
    void explainsEachKnownFailure(String stderr, String expected) {
        assertThat(YtDlp.explainFailure("https://www.youtube.com/watch?v=abc", stderr)).contains(expected);
    }
}
