package com.intellivision.console.deployment.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.PasswordAccessException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoresTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dataDir;

    private final FakeKeychain keychain = new FakeKeychain();

    @Test
    void aWorkingKeychainIsChosenAndTheProbeLeavesNothingBehind() {
        try (CapturedLogs logs = new CapturedLogs()) {
            SecretStore store = SecretStores.best(dataDir, keychain.opener(), KeychainSecretStore.SERVICE, TIMEOUT);

            assertThat(store).isInstanceOf(KeychainSecretStore.class);
            assertThat(store.describe()).isEqualTo("the test keychain");
            assertThat(logs.lines()).containsExactly("INFO The secrets of remote deployments are kept in the test keychain");
        }
        assertThat(keychain.entries).isEmpty();
        assertThat(keychain.closed).hasValue(1);
    }

    @Test
    void noKeychainMeansTheOwnerOnlyFile() {
        try (CapturedLogs logs = new CapturedLogs()) {
            SecretStore store = SecretStores.best(dataDir, () -> {
                throw new BackendNotSupportedException("No available keyring backend found");
            }, KeychainSecretStore.SERVICE, TIMEOUT);

            assertThat(store).isInstanceOf(OwnerOnlySecretFile.class);
            assertThat(store.describe()).isEqualTo("an owner-only file at " + dataDir.resolve("secrets.json").toAbsolutePath());
            assertThat(logs.lines()).containsExactly(
                    "INFO No keychain works here (com.github.javakeyring.BackendNotSupportedException: No available keyring backend found)",
                    "INFO The secrets of remote deployments are kept in " + store.describe());
        }
    }

    @Test
    void aKeychainThatRefusesToStoreIsNotUsed() {
        keychain.failure = new IllegalStateException("locked");

        assertThat(SecretStores.best(dataDir, keychain.opener(), KeychainSecretStore.SERVICE, TIMEOUT)).isInstanceOf(OwnerOnlySecretFile.class);
        assertThat(keychain.closed).hasValue(1);
    }

    @Test
    void aKeychainThatForgetsIsNotUsed() {
        Keychain.Opener forgetful = () -> new ForwardingKeychain(keychain.opener().open()) {
            @Override
            public String getPassword(String service, String account) throws PasswordAccessException {
                throw new PasswordAccessException("No stored credentials match " + service + " account: " + account);
            }
        };

        assertThat(SecretStores.workingKeychain(forgetful, KeychainSecretStore.SERVICE, TIMEOUT)).isEmpty();
        assertThat(keychain.entries).isEmpty();
    }

    @Test
    void aKeychainThatGivesBackSomethingElseIsNotUsed() {
        Keychain.Opener garbling = () -> new ForwardingKeychain(keychain.opener().open()) {
            @Override
            public String getPassword(String service, String account) {
                return "something else";
            }
        };

        assertThat(SecretStores.workingKeychain(garbling, KeychainSecretStore.SERVICE, TIMEOUT)).isEmpty();
    }

    @Test
    void aKeychainThatCannotEvenLoadIsNotUsed() {
        Keychain.Opener broken = () -> {
            throw new UnsatisfiedLinkError("no libsecurity");
        };

        assertThat(SecretStores.workingKeychain(broken, KeychainSecretStore.SERVICE, TIMEOUT)).isEmpty();
    }

    @Test
    void aKeychainThatDoesNotAnswerIsGivenUpOnAfterTheTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        Keychain.Opener hanging = () -> {
            try {
                never.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw new BackendNotSupportedException("interrupted");
        };
        long start = System.nanoTime();

        try (CapturedLogs logs = new CapturedLogs()) {
            assertThat(SecretStores.best(dataDir, hanging, KeychainSecretStore.SERVICE, Duration.ofMillis(300)))
                    .isInstanceOf(OwnerOnlySecretFile.class);
            assertThat(logs.lines()).first().isEqualTo("INFO No keychain works here (it did not answer within 300 ms)");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    /** Passes every call on, for tests that change one. */
    private static class ForwardingKeychain implements Keychain {

        private final Keychain delegate;

        ForwardingKeychain(Keychain delegate) {
            this.delegate = delegate;
        }

        @Override
        public String getPassword(String service, String account) throws PasswordAccessException {
            return delegate.getPassword(service, account);
        }

        @Override
        public void setPassword(String service, String account, String password) throws PasswordAccessException {
            delegate.setPassword(service, account, password);
        }

        @Override
        public void deletePassword(String service, String account) throws PasswordAccessException {
            delegate.deletePassword(service, account);
        }

        @Override
        public String description() {
            return delegate.description();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
