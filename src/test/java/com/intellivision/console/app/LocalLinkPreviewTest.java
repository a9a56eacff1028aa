package com.intellivision.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The card's picture of a page, as pages name it. */
class LocalLinkPreviewTest {

    private static final String PAGE = "http://127.0.0.1:8080/cams/courtyard.html";

    @Test
    void aPictureNamedRelativeToItsPageIsMadeWhole() {
        assertThat(LocalLinkPreview.thumbnailOf(PAGE, "still.jpg")).isEqualTo("http://127.0.0.1:8080/cams/still.jpg");
        assertThat(LocalLinkPreview.thumbnailOf(PAGE, "/img/still.jpg")).isEqualTo("http://127.0.0.1:8080/img/still.jpg");
        assertThat(LocalLinkPreview.thumbnailOf(PAGE, "https://i.ytimg.com/vi/x/hq.jpg")).isEqualTo("https://i.ytimg.com/vi/x/hq.jpg");
    }

    @Test
    void whatIsNoWebPictureGivesNone() {
        assertThat(LocalLinkPreview.thumbnailOf(PAGE, null)).isNull();
        assertThat(LocalLinkPreview.thumbnailOf(PAGE, " ")).isNull();
        assertThat(LocalLinkPreview.thumbnailOf(PAGE, "file:///etc/passwd")).isNull();
        assertThat(LocalLinkPreview.thumbnailOf(PAGE, "not a [valid] uri")).isNull();
    }
}
