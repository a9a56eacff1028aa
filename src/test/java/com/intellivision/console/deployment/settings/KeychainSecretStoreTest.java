package com.intellivision.console.deployment.settings;

import static com.intellivision.console.deployment.settings.DeploymentSecretsTest.ACCESS;
import static com.intellivision.console.deployment.settings.DeploymentSecretsTest.FLOWER;
import static com.intellivision.console.deployment.settings.DeploymentSecretsTest.REFRESH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.javakeyring.BackendNotSupportedException;
import org.junit.jupiter.api.Test;

class KeychainSecretStoreTest {

    private static final String ENTRY = FakeKeychain.key(KeychainSecretStore.SERVICE, "lobby-aaaaaa");

    private final FakeKeychain keychain = new FakeKeychain();
    private final KeychainSecretStore store = new KeychainSecretStore(keychain.opener(), KeychainSecretStore.SERVICE, "the test keychain");
    private final DeploymentSecrets all = new DeploymentSecrets(ACCESS, REFRESH, FLOWER);

    @Test
    void oneEntryPerDeploymentHoldsItsSecretsAsJson() {
        store.write("lobby-aaaaaa", all);

        assertThat(keychain.entries).containsOnlyKeys(ENTRY);
        assertThat(keychain.entries.get(ENTRY))
                .isEqualTo("{\"accessToken\":\"" + ACCESS + "\",\"refreshToken\":\"" + REFRESH + "\",\"flowerPassword\":\"" + FLOWER + "\"}");
    }

    @Test
    void secretsRoundTripAndDelete() {
        assertThat(store.read("lobby-aaaaaa")).isEmpty();

        store.write("lobby-aaaaaa", all);
        store.write("lab-bbbbbb", DeploymentSecrets.ofAccessToken("lab-token"));
        assertThat(store.read("lobby-aaaaaa")).contains(all);

        store.write("lobby-aaaaaa", all.withFlowerPassword(null));
        assertThat(store.read("lobby-aaaaaa")).contains(all.withFlowerPassword(null));

        store.delete("lobby-aaaaaa");
        store.delete("lobby-aaaaaa");
        assertThat(store.read("lobby-aaaaaa")).isEmpty();
        assertThat(store.read("lab-bbbbbb")).contains(DeploymentSecrets.ofAccessToken("lab-token"));
    }

    @Test
    void everyConnectionIsClosed() {
        store.write("lobby-aaaaaa", all);
        store.read("lobby-aaaaaa");
        store.delete("lobby-aaaaaa");
        keychain.failure = new IllegalStateException("D-Bus went away");
        assertThatThrownBy(() -> store.read("lobby-aaaaaa")).isInstanceOf(SecretStoreException.class);

        assertThat(keychain.closed).hasValue(4);
        assertThat(keychain.opened).hasValue(4);
    }

    @Test
    void aFailureIsReportedWithoutTheSecretsEvenWhenTheBackendEchoesThem() {
        String payload = SecretsJson.toText(all);
        keychain.failure = new IllegalStateException("could not send " + payload + " nor " + ACCESS);

        assertThatThrownBy(() -> store.write("lobby-aaaaaa", all)).isInstanceOf(SecretStoreException.class)
                .hasMessage("Could not store the secrets of deployment lobby-aaaaaa in the test keychain "
                        + "(java.lang.IllegalStateException: could not send *** nor ***).")
                .hasNoCause();
    }

    @Test
    void aDamagedEntryIsReportedWithoutItsContent() {
        keychain.entries.put(ENTRY, "{\"accessToken\": " + ACCESS);

        assertThatThrownBy(() -> store.read("lobby-aaaaaa")).isInstanceOf(SecretStoreException.class)
                .hasMessageMatching("The entry of deployment lobby-aaaaaa in the test keychain is not valid JSON \\(line 1, column \\d+\\)\\.")
                .hasNoCause();
    }

    @Test
    void aKeychainThatGoesAwayIsReported() {
        KeychainSecretStore gone = new KeychainSecretStore(() -> {
            throw new BackendNotSupportedException("No available keyring backend found");
        }, KeychainSecretStore.SERVICE, "the desktop's keyring (Secret Service)");

        assertThatThrownBy(() -> gone.delete("lobby-aaaaaa")).isInstanceOf(SecretStoreException.class)
                .hasMessage("Could not delete the secrets of deployment lobby-aaaaaa in the desktop's keyring (Secret Service) "
                        + "(it is no longer available: No available keyring backend found).");
    }

    @Test
    void describesTheKeychain() {
        assertThat(store.describe()).isEqualTo("the test keychain");
    }
}
