package com.intellivision.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** A token file is read as it is; one others can read is used with a warning that says how to close it, never what it holds. */
class TokenFilesTest {

    private static final String TOKEN = "token-files-secret-42";

    @TempDir
    Path temp;

    @Test
    void aTokenFileOthersCanReadIsWarnedAboutWithoutItsContent() throws Exception {
        Path open = Files.writeString(temp.resolve("open-token"), TOKEN + "\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        Path closed = Files.writeString(temp.resolve("closed-token"), TOKEN + "\n");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rw-------"));

        List<ILoggingEvent> openWarnings = warningsWhileReading(open);
        List<ILoggingEvent> closedWarnings = warningsWhileReading(closed);

        assertThat(openWarnings).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .contains("--token-file: " + open + " can be read by others (rw-r--r--)", "chmod 600 " + open).doesNotContain(TOKEN));
        assertThat(closedWarnings).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).as("the user's file is left as it is").isEqualTo("rw-r--r--");
    }

    private static List<ILoggingEvent> warningsWhileReading(Path file) {
        Logger logger = (Logger) LoggerFactory.getLogger(TokenFiles.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            String token = TokenFiles.read(file, "--token-file", message -> new ParameterException(new CommandLine(new Object()), message));
            assertThat(token).isEqualTo(TOKEN);
        } finally {
            logger.detachAppender(captured);
        }
        return captured.list;
    }
}
