package com.intellivision.console.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A drop onto the window: a file manager's files, a browser's link, or selected text. */
class DroppedSourceTest {

    @TempDir
    Path temp;

    @Test
    void aDroppedFileGivesItsAbsolutePathEvenWithALinkBesideIt() {
        File first = temp.resolve("clip one.mp4").toFile();
        File second = temp.resolve("clip two.mp4").toFile();

        assertThat(DroppedSource.of(List.of(first, second), "file://" + first, first.getName()))
                .contains(first.getAbsolutePath());
    }

    @Test
    void aBrowsersLinkWinsOverItsTitleText() {
        assertThat(DroppedSource.of(List.of(), " https://youtu.be/dQw4w9WgXcQ\n", "Never Gonna Give You Up"))
                .contains("https://youtu.be/dQw4w9WgXcQ");
    }

    @Test
    void plainTextIsTakenStripped() {
        assertThat(DroppedSource.of(List.of(), null, "  https://example.com/a.mp4 \n")).contains("https://example.com/a.mp4");
    }

    @Test
    void aDropWithNothingUsableGivesNothing() {
        assertThat(DroppedSource.of(List.of(), "  ", " \n")).isEmpty();
        assertThat(DroppedSource.of(List.of(), null, null)).isEmpty();
    }
}
