package com.intellivision.console.deployment.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DeploymentSettingsTest {

    private static final String SECRET = "pw-5be1c0-DO-NOT-LEAK";

    private static DeploymentSettings lobby() {
        return DeploymentSettings.create("Lobby cameras", DeploymentKind.INTELLIVISION, "https://analytics.example.com");
    }

    @Test
    void idIsMadeFromTheNameWithARandomSuffix() {
        DeploymentSettings first = DeploymentSettings.create("  Lobby Cameras — Zürich  ", DeploymentKind.INTELLIVISION, "https://a.example");
        DeploymentSettings second = DeploymentSettings.create("Lobby Cameras — Zürich", DeploymentKind.INTELLIVISION, "https://a.example");

        assertThat(first.id()).matches("lobby-cameras-zurich-[a-z0-9]{6}");
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(first.name()).isEqualTo("Lobby Cameras — Zürich");
        assertThat(DeploymentSettings.create("!!!", DeploymentKind.CONSOLE_SERVE, "http://b.example").id()).matches("deployment-[a-z0-9]{6}");
        assertThat(DeploymentSettings.create("x".repeat(60), DeploymentKind.INTELLIVISION, "http://b.example").id()).hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void idIsNeverLocalAndAlwaysWellFormed() {
        DeploymentSettings settings = lobby();

        assertThatIllegalArgumentException().isThrownBy(() -> new DeploymentSettings("local", "Elsewhere", DeploymentKind.INTELLIVISION,
                "https://a.example", null, null, 100, 1)).withMessage("The id \"local\" belongs to this console's own pool.");
        assertThatIllegalArgumentException().isThrownBy(() -> new DeploymentSettings("Has Spaces", "Elsewhere", DeploymentKind.INTELLIVISION,
                "https://a.example", null, null, 100, 1)).withMessageContaining("lowercase letters, digits and single dashes");
        assertThat(DeploymentSettings.create("Local pool copy", DeploymentKind.INTELLIVISION, "https://a.example").id()).startsWith("local-pool-copy-");
        assertThat(settings.withName("Entrance").id()).isEqualTo(settings.id());
    }

    @Test
    void defaultsAndCopies() {
        DeploymentSettings settings = lobby();

        assertThat(settings.queueAlertAbove()).isEqualTo(100);
        assertThat(settings.pollSeconds()).isEqualTo(1);
        assertThat(settings.flowerUrl()).isNull();
        assertThat(settings.flowerUser()).isNull();

        DeploymentSettings changed = settings.withKind(DeploymentKind.CONSOLE_SERVE).withBaseUrl("http://other.example/")
                .withFlowerUrl("https://flower.example/").withFlowerUser(" admin ").withQueueAlertAbove(250).withPollSeconds(5);

        assertThat(changed).isEqualTo(new DeploymentSettings(settings.id(), "Lobby cameras", DeploymentKind.CONSOLE_SERVE,
                "http://other.example", "https://flower.example", "admin", 250, 5));
        assertThat(changed.withFlowerUrl("  ").withFlowerUser("").flowerUrl()).isNull();
    }

    @Test
    void addressesAreNormalized() {
        assertThat(lobby().withBaseUrl("  HTTPS://Analytics.Example.COM:8443/api/v1// ").baseUrl())
                .isEqualTo("https://analytics.example.com:8443/api/v1");
        assertThat(lobby().withBaseUrl("http://[::1]:8000/").baseUrl()).isEqualTo("http://[::1]:8000");
        assertThat(lobby().withFlowerUrl("https://Flower.example/").flowerUrl()).isEqualTo("https://flower.example");
    }

    @Test
    void addressMessagesSayWhatIsWrong() {
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withBaseUrl("ftp://files.example.com"))
                .withMessage("The server address must start with http:// or https://, not ftp://.");
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withBaseUrl("analytics.example.com"))
                .withMessage("The server address must start with http:// or https://.");
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withBaseUrl("  "))
                .withMessage("The server address is empty. Enter one like https://analytics.example.com.");
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withBaseUrl("https://"))
                .withMessageStartingWith("The server address is not a valid web address: ");
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withBaseUrl("https://bad host.example"))
                .withMessage("The server address is not a valid web address: illegal character in authority.");
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withBaseUrl("https://a.example/jobs?page=2"))
                .withMessage("The server address cannot contain '?' or '#'; enter only the address, like https://a.example.");
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withFlowerUrl("flower:5555"))
                .withMessage("The Flower address must start with http:// or https://.");
    }

    @Test
    void anAddressWithAPasswordIsRefusedWithoutRepeatingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withBaseUrl("https://admin:" + SECRET + "@analytics.example.com"))
                .withMessage("The server address must not contain a user name or password; "
                        + "enter them in their own fields, where they are kept in the keychain.");
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withBaseUrl("https://admin:" + SECRET + " @x"))
                .withMessageNotContaining(SECRET);
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withFlowerUrl("https://a.example/?token=" + SECRET))
                .withMessageNotContaining(SECRET);
    }

    @Test
    void nameMessages() {
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withName(" "))
                .withMessage("A deployment needs a name.");
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withName("n".repeat(61)))
                .withMessage("A deployment's name can have at most 60 characters; this one has 61.");
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withName("LOCAL"))
                .withMessage("The name \"local\" belongs to this console's own pool; choose another.");
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withName("two\nlines"))
                .withMessage("A deployment's name cannot contain tabs, line breaks or other control characters.");
        assertThat(lobby().withName("  Entrance ").name()).isEqualTo("Entrance");
    }

    @Test
    void numberMessages() {
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withQueueAlertAbove(0))
                .withMessage("The queue alert needs at least 1 waiting task, not 0.");
        assertThatIllegalArgumentException().isThrownBy(() -> lobby().withPollSeconds(0))
                .withMessage("The deployment can be asked for news every 1 to 3600 seconds, not every 0.");
    }

    @Test
    void namesCompareRegardlessOfCase() {
        assertThat(lobby().isNamed(" LOBBY Cameras ")).isTrue();
        assertThat(lobby().isNamed("Lobby")).isFalse();
        assertThat(lobby().isNamed(null)).isFalse();
    }
}
