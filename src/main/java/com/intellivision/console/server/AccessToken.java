package com.intellivision.console.server;

import com.intellivision.console.deployment.settings.OwnerOnlyPermissions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token a {@code serve} asks of every client: made at its first start, kept owner-only
 * in {@code <data dir>/serve-token}, the same at every later start. A kept file found open to others
 * is made owner-only again at start, with a warning that the token may be known.
 */
public final class AccessToken {

    public static final String FILE_NAME = "serve-token";
    private static final Logger LOG = LoggerFactory.getLogger(AccessToken.class);
    private static final int BYTES = 32;

    private final String value;
    private final boolean madeNow;

    private AccessToken(String value, boolean madeNow) {
        this.value = value;
        this.madeNow = madeNow;
    }

    /** The token kept in {@code dataDir}, made and kept first if there is none. */
    public static AccessToken inDataDir(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!kept.isEmpty()) {
                if (OwnerOnlyPermissions.tighten(file)) {
                    LOG.warn("Others could read {}, so the token in it may be known: delete the file and start serve again for a new "
                            + "token, then give it to the consoles that use this server.", file);
                }
                return new AccessToken(kept, false);
            }
        }
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        String made = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(dataDir);
        Path temporary = Files.createTempFile(dataDir, FILE_NAME, ".new", OwnerOnlyPermissions.forNewFile(dataDir));
        Files.writeString(temporary, made + "\n", StandardCharsets.UTF_8);
        OwnerOnlyPermissions.restrict(temporary);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new AccessToken(made, true);
    }

    /** A token given as it is, as tests and embedders do. */
    public static AccessToken of(String value) {
        return new AccessToken(value, false);
    }

    /** Whether this start made the token, so it is printed once. */
    public boolean madeNow() {
        return madeNow;
    }

    public String value() {
        return value;
    }

    /** Compares in constant time, so the time an answer takes says nothing about the token. */
    boolean matches(String offered) {
        return offered != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AccessToken[hidden]";
    }
}
