package com.intellivision.console.app;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ParameterException;

/**
 * Tokens kept in files, so that they stay out of the shell's history and the process list. A file
 * holds one token on one line; what is wrong with it is said without ever showing its content.
 */
final class TokenFiles {

    private static final Logger LOG = LoggerFactory.getLogger(TokenFiles.class);
    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private TokenFiles() {}

    /** @param option the option that named the file, to start each message with */
    static String read(Path file, String option, Function<String, ParameterException> parameterError) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException missing) {
            throw parameterError.apply(option + ": there is no file " + file + ".");
        } catch (AccessDeniedException denied) {
            throw parameterError.apply(option + ": " + file + " cannot be read; it is not readable for this user.");
        } catch (CharacterCodingException notText) {
            throw parameterError.apply(option + ": " + file + " is not a text file; it must hold only the token, on one line.");
        } catch (IOException unreadable) {
            String reason = Files.isDirectory(file) ? "it is a folder" : unreadable.getClass().getSimpleName();
            throw parameterError.apply(option + ": " + file + " cannot be read (" + reason + ").");
        }
        String token = text.strip();
        if (token.isEmpty()) {
            throw parameterError.apply(option + ": " + file + " is empty; put the token in it, on one line.");
        }
        if (token.lines().count() > 1) {
            throw parameterError.apply(option + ": " + file + " holds more than one line; it must hold only the token, on one line.");
        }
        warnIfOthersCanRead(file, option);
        return token;
    }

    /**
     * A token file others can read gives the token to everyone on the machine. It is the user's own
     * file, so it is not changed: the warning says how to make it owner-only.
     */
    private static void warnIfOthersCanRead(Path file, String option) {
        try {
            if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return;
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(OPEN_TO_OTHERS::contains)) {
                LOG.warn("{}: {} can be read by others ({}), so anyone on this machine could use the token in it. "
                        + "Make it readable by you only: chmod 600 {}", option, file, PosixFilePermissions.toString(permissions), file);
            }
        } catch (IOException | UnsupportedOperationException unknown) {
            // The token was read; its permissions could not be, and nothing is known to be wrong.
        }
    }
}
