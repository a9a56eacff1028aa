package com.intellivision.console.deployment.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses where secrets go: the OS keychain if it really works here, otherwise an owner-only file. */
public final class SecretStores {

    /** Long enough for a person to answer a keychain's unlock prompt; a keychain that is simply there answers in under a second. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(SecretStores.class);

    private SecretStores() {}

    /**
     * The keychain if a test entry can be stored, read back and deleted in it, otherwise an
     * {@link OwnerOnlySecretFile} in {@code dataDir}. Call it once per run: the probe is a round trip
     * to the keychain, and may wait up to 20 s for a person to unlock it.
     */
    public static SecretStore best(Path dataDir) {
        return best(dataDir, SystemKeychain::open, KeychainSecretStore.SERVICE, PROBE_TIMEOUT);
    }

    static SecretStore best(Path dataDir, Keychain.Opener keychains, String service, Duration timeout) {
        SecretStore store = workingKeychain(keychains, service, timeout)
                .<SecretStore>map(description -> new KeychainSecretStore(keychains, service, description))
                .orElseGet(() -> new OwnerOnlySecretFile(dataDir));
        LOG.info("The secrets of remote deployments are kept in {}", store.describe());
        return store;
    }

    /** The keychain's description if a test entry goes in, comes back and goes away within {@code timeout}. */
    static Optional<String> workingKeychain(Keychain.Opener keychains, String service, Duration timeout) {
        FutureTask<String> probe = new FutureTask<>(() -> roundTrip(keychains, service));
        Thread thread = new Thread(probe, "keychain-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return Optional.of(probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException failed) {
            LOG.info("No keychain works here ({})", failed.getCause().toString());
        } catch (TimeoutException silent) {
            thread.interrupt();
            LOG.info("No keychain works here (it did not answer within {})",
                    timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            LOG.info("No keychain works here (the probe was interrupted)");
        }
        return Optional.empty();
    }

    private static String roundTrip(Keychain.Opener keychains, String service) throws Exception {
        String account = "probe-" + UUID.randomUUID();
        String value = UUID.randomUUID().toString();
        try (Keychain keychain = keychains.open()) {
            keychain.setPassword(service, account, value);
            try {
                if (!value.equals(keychain.getPassword(service, account))) {
                    throw new IllegalStateException("it gave back something other than what was stored");
                }
            } finally {
                keychain.deletePassword(service, account);
            }
            return keychain.description();
        }
    }
}
