package com.intellivision.console.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.ui.common.RecordedNotices;
import com.intellivision.console.ui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameFileTest {

    @TempDir
    Path folder;

    private final RecordedNotices notices = new RecordedNotices();
    private final SimpleStringProperty shown = new SimpleStringProperty();
    private final FrameFile frame = new FrameFile(shown, new TaskRunner(Runnable::run, Runnable::run), notices);

    @Test
    void theFrameShownIsSavedWholeUnderTheNameChosen() throws Exception {
        Path kept = Files.write(folder.resolve("frame-12.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        shown.set(kept.toUri().toString());

        assertThat(frame.suggestedName()).isEqualTo("frame-12.png");
        assertThat(frame.extension()).isEqualTo("png");
        Path chosen = folder.resolve("street at 1-30.png");
        frame.saveTo(chosen);

        assertThat(Files.readAllBytes(chosen)).isEqualTo(Files.readAllBytes(kept));
        assertThat(notices.done).containsExactly("Saved the frame as street at 1-30.png");
    }

    @Test
    void aFrameThatIsGoneIsSaidSo() {
        shown.set(folder.resolve("deleted.jpg").toString());

        frame.saveTo(folder.resolve("copy.jpg"));

        assertThat(notices.problems).containsExactly("Could not save the frame: The frame shown is not on this machine any more.");
        assertThat(Files.exists(folder.resolve("copy.jpg"))).isFalse();
    }
}
