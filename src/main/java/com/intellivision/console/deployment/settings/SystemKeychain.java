package com.intellivision.console.deployment.settings;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The OS keychain through java-keyring: macOS Keychain, Windows Credential Manager, Secret Service, KWallet. */
final class SystemKeychain implements Keychain {

    private static final Logger LOG = LoggerFactory.getLogger(SystemKeychain.class);

    private final Keyring keyring;

    private SystemKeychain(Keyring keyring) {
        this.keyring = keyring;
    }

    /** Connects to the keychain java-keyring finds first on this system. */
    static Keychain open() throws BackendNotSupportedException {
        return new SystemKeychain(Keyring.create());
    }

    @Override
    public String getPassword(String service, String account) throws PasswordAccessException {
        return keyring.getPassword(service, account);
    }

    @Override
    public void setPassword(String service, String account, String password) throws PasswordAccessException {
        keyring.setPassword(service, account, password);
    }

    @Override
    public void deletePassword(String service, String account) throws PasswordAccessException {
        keyring.deletePassword(service, account);
    }

    @Override
    public String description() {
        return switch (keyring.getKeyringStorageType()) {
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "the macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "the Windows Credential Manager";
            case GNOME_KEYRING -> "the desktop's keyring (Secret Service)";
            case KWALLET -> "KWallet";
        };
    }

    @Override
    public void close() {
        try {
            keyring.close();
        } catch (Exception failed) {
            LOG.debug("Closing the keychain connection failed: {}", failed.toString());
        }
    }
}
