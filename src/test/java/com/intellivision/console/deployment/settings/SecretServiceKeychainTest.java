package com.intellivision.console.deployment.settings;

import static com.intellivision.console.deployment.settings.DeploymentSecretsTest.ACCESS;
import static com.intellivision.console.deployment.settings.DeploymentSecretsTest.FLOWER;
import static com.intellivision.console.deployment.settings.DeploymentSecretsTest.REFRESH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real keychain through java-keyring, only inside a D-Bus session whose Secret Service works;
 * skipped everywhere else, so the usual test run never depends on it. On a Linux machine without a
 * desktop (Debian: {@code apt-get install gnome-keyring dbus-x11}):
 *
 * <pre>
 * dbus-run-session -- sh -c 'echo -n pass | gnome-keyring-daemon --unlock --components=secrets &gt;/dev/null \
 *     &amp;&amp; mvn -q -B test -Dtest=SecretServiceKeychainTest'
 * </pre>
 *
 * Entries go under a service of their own, and every one made is deleted again.
 */
class SecretServiceKeychainTest {

    private static final String TEST_SERVICE = "IntelliVision Console (test)";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private String description;

    @BeforeEach
    void requireAWorkingSecretService() {
        assumeTrue(System.getenv("DBUS_SESSION_BUS_ADDRESS") != null, "no D-Bus session");
        Optional<String> keychain = SecretStores.workingKeychain(SystemKeychain::open, TEST_SERVICE, TIMEOUT);
        assumeTrue(keychain.isPresent(), "no working Secret Service in this D-Bus session");
        description = keychain.get();
    }

    @Test
    void secretsRoundTripAndDelete() {
        KeychainSecretStore store = new KeychainSecretStore(SystemKeychain::open, TEST_SERVICE, description);
        DeploymentSecrets all = new DeploymentSecrets(ACCESS, REFRESH, FLOWER);
        String id = DeploymentIds.fromName("Secret Service test");
        try {
            assertThat(store.read(id)).isEmpty();
            store.write(id, all);
            assertThat(store.read(id)).contains(all);
            store.write(id, all.withRefreshToken(null));
            assertThat(store.read(id)).contains(all.withRefreshToken(null));
        } finally {
            store.delete(id);
        }
        assertThat(store.read(id)).isEmpty();
        store.delete(id);
    }

    @Test
    void theBestStoreIsTheKeychain() {
        SecretStore store = SecretStores.best(dataDir, SystemKeychain::open, TEST_SERVICE, TIMEOUT);

        assertThat(store).isInstanceOf(KeychainSecretStore.class);
        assertThat(store.describe()).isEqualTo("the desktop's keyring (Secret Service)");
        assertThat(dataDir.resolve("secrets.json")).doesNotExist();
    }
}
