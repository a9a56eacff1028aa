package com.intellivision.console.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.ui.common.RecordedNotices;
import com.intellivision.console.ui.common.TaskRunner;
import com.intellivision.console.ui.common.TimeDisplay;
import com.intellivision.console.ui.settings.ConsoleSettings.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings as people change them, kept in a real file, and read back as the next start reads them. */
class SettingsViewModelTest {

    @TempDir
    Path dataDir;

    private final RecordedNotices notices = new RecordedNotices();
    private final TaskRunner sameThread = new TaskRunner(Runnable::run, Runnable::run);

    @Test
    void aFirstStartFollowsTheSystemAndAChosenThemeIsKeptForTheNextStart() {
        SettingsFile file = SettingsFile.in(dataDir);
        SettingsViewModel first = new SettingsViewModel(file, file.load(), sameThread, notices, Map.of("GTK_THEME", "Adwaita:dark"));
        assertThat(first.themeProperty().get()).isEqualTo(Theme.SYSTEM);
        assertThat(first.darkProperty().get()).as("the desktop asks for dark").isTrue();

        first.themeProperty().set(Theme.LIGHT);
        assertThat(first.darkProperty().get()).isFalse();
        first.timeDisplayProperty().set(TimeDisplay.UTC);
        first.keepLocalPool(new LocalPoolSettings(5, 700, 1400));
        first.windowClosing(1200, 700, false, "prod", new WindowLayout(0.4, "queueTab"));

        ConsoleSettings next = SettingsFile.in(dataDir).load();
        assertThat(next).isEqualTo(new ConsoleSettings(Theme.LIGHT, 1200, 700, false, "prod", TimeDisplay.UTC, new LocalPoolSettings(5, 700, 1400),
                new WindowLayout(0.4, "queueTab")));
        assertThat(notices.problems).isEmpty();
    }

    @Test
    void theConsolesOwnVariableWinsOverTheDesktops() {
        assertThat(SystemTheme.prefersDark(Map.of("GTK_THEME", "Adwaita:dark", "INTELLIVISION_THEME", "light"))).isFalse();
        assertThat(SystemTheme.prefersDark(Map.of("INTELLIVISION_THEME", "Dark"))).isTrue();
        assertThat(SystemTheme.prefersDark(Map.of())).isFalse();
    }

    @Test
    void anUnreadableFileGivesTheDefaultsAndIsWrittenAnew() throws Exception {
        Path broken = Files.writeString(dataDir.resolve(SettingsFile.FILE_NAME), "{\"theme\": \"PURPLE\", ");
        SettingsFile file = new SettingsFile(broken);

        assertThat(file.load()).isEqualTo(ConsoleSettings.DEFAULTS);

        new SettingsViewModel(file, file.load(), sameThread, notices, Map.of()).themeProperty().set(Theme.DARK);
        assertThat(file.load().theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void aFolderThatCannotBeWrittenIsSaidOnceAndTheChoiceStillHolds() throws Exception {
        Path notAFolder = Files.writeString(dataDir.resolve("plain-file"), "x");
        SettingsViewModel settings = new SettingsViewModel(new SettingsFile(notAFolder.resolve(SettingsFile.FILE_NAME)), ConsoleSettings.DEFAULTS,
                sameThread, notices, Map.of());

        settings.themeProperty().set(Theme.DARK);

        assertThat(settings.darkProperty().get()).isTrue();
        assertThat(notices.problems).singleElement().asString().startsWith("Could not save the settings: The settings could not be saved in ");
    }

    @Test
    void withoutAFileTheSettingsLastForTheRun() {
        SettingsViewModel settings = new SettingsViewModel(null, ConsoleSettings.DEFAULTS, sameThread, notices, Map.of());

        settings.themeProperty().set(Theme.DARK);
        settings.windowClosing(1000, 600, true, "local", WindowLayout.DEFAULTS);

        assertThat(settings.settings()).isEqualTo(new ConsoleSettings(Theme.DARK, 1000, 600, true, "local", TimeDisplay.RELATIVE,
                LocalPoolSettings.DEFAULTS, WindowLayout.DEFAULTS));
        assertThat(notices.problems).isEmpty();
    }
}
