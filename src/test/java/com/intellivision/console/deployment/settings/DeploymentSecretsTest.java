package com.intellivision.console.deployment.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DeploymentSecretsTest {

    static final String ACCESS = "tok-7f3a9c-ACCESS-DO-NOT-LEAK";
    static final String REFRESH = "tok-91d2e4-REFRESH-DO-NOT-LEAK";
    static final String FLOWER = "pw-c0ffee-FLOWER-DO-NOT-LEAK";

    @Test
    void toStringSaysOnlyWhichAreSet() {
        assertThat(DeploymentSecrets.ofAccessToken(ACCESS))
                .hasToString("DeploymentSecrets[access token: set, refresh token: none, Flower password: none]");
        assertThat(new DeploymentSecrets(ACCESS, REFRESH, FLOWER).toString())
                .isEqualTo("DeploymentSecrets[access token: set, refresh token: set, Flower password: set]")
                .doesNotContain(ACCESS, REFRESH, FLOWER);
    }

    @Test
    void blankOptionalSecretsAreNone() {
        DeploymentSecrets secrets = new DeploymentSecrets(" " + ACCESS + " ", "  ", "");

        assertThat(secrets.accessToken()).isEqualTo(ACCESS);
        assertThat(secrets.refreshToken()).isNull();
        assertThat(secrets.flowerPassword()).isNull();
        assertThat(secrets.withRefreshToken(REFRESH).withFlowerPassword(FLOWER))
                .isEqualTo(new DeploymentSecrets(ACCESS, REFRESH, FLOWER));
        assertThat(secrets.withAccessToken(REFRESH).accessToken()).isEqualTo(REFRESH);
    }

    @Test
    void messagesNeverRepeatTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> DeploymentSecrets.ofAccessToken(" "))
                .withMessage("The access token is empty; paste the token the deployment gave you.");
        assertThatIllegalArgumentException().isThrownBy(() -> DeploymentSecrets.ofAccessToken(ACCESS + "\n" + ACCESS))
                .withMessage("The access token contains a line break or another control character; paste it again without.");
        assertThatIllegalArgumentException().isThrownBy(() -> new DeploymentSecrets(ACCESS, null, FLOWER + "\t"))
                .withMessageStartingWith("The Flower password contains")
                .withMessageNotContaining(FLOWER);
    }

    @Test
    void redactHidesEverySecret() {
        DeploymentSecrets secrets = new DeploymentSecrets(ACCESS, REFRESH, null);

        assertThat(secrets.redact("sent " + ACCESS + " and " + REFRESH)).isEqualTo("sent *** and ***");
    }
}
