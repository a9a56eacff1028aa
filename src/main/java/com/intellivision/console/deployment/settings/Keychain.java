package com.intellivision.console.deployment.settings;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.PasswordAccessException;

/**
 * The calls of java-keyring's {@code Keyring} that the console makes, with the same contract (a missing
 * entry is a {@link PasswordAccessException}), so tests can stand in for the OS keychain. One instance
 * is one open connection: close it, since an open Secret Service connection keeps the JVM alive.
 */
interface Keychain extends AutoCloseable {

    String getPassword(String service, String account) throws PasswordAccessException;

    void setPassword(String service, String account, String password) throws PasswordAccessException;

    void deletePassword(String service, String account) throws PasswordAccessException;

    /** The keychain as people know it, e.g. "the macOS Keychain". */
    String description();

    @Override
    void close();

    /** Opens a connection to a keychain. */
    @FunctionalInterface
    interface Opener {
        Keychain open() throws BackendNotSupportedException;
    }
}
