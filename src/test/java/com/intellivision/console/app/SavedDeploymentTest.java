package com.intellivision.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.deployment.settings.DeploymentKind;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.deployment.settings.OwnerOnlySecretFile;
import com.intellivision.console.deployment.settings.SettingsFile;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --deployment NAME}: a remote deployment saved in the data directory, as the window saves it. */
class SavedDeploymentTest {

    @TempDir
    Path dataDir;

    FakeIntelliVisionServer server;
    DeploymentSettings staging;

    @BeforeEach
    void saveTheServerAsADeployment() throws Exception {
        server = FakeIntelliVisionServer.start();
        staging = DeploymentSettings.create("Staging", DeploymentKind.INTELLIVISION, server.url());
        new SettingsFile(dataDir).add(staging);
        new OwnerOnlySecretFile(dataDir).write(staging.id(),
                new DeploymentSecrets(FakeIntelliVisionServer.ACCESS_TOKEN, FakeIntelliVisionServer.REFRESH_TOKEN, null));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void runsTheJobOnTheSavedDeploymentByItsNameInAnyCase() throws Exception {
        CommandRun run = CommandRun.of("count", "https://www.youtube.com/watch?v=crowd", "--deployment", "staging",
                "--data-dir", dataDir.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode job = JobJson.mapper().readTree(run.stdout());
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(server.requestsTo("/api/people-count/")).hasSize(1);
        assertThat(dataDir.resolve("jobs.db")).as("the local pool was never started").doesNotExist();
    }

    @Test
    void keepsTheAccessTokenTheServerRenewed() {
        server.expireAccessToken();

        CommandRun run = CommandRun.of("jobs", "--deployment", "Staging", "--data-dir", dataDir.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(server.refreshes()).isPositive();
        assertThat(new OwnerOnlySecretFile(dataDir).read(staging.id()).orElseThrow().accessToken())
                .isNotEqualTo(FakeIntelliVisionServer.ACCESS_TOKEN);
    }

    @Test
    void namesTheSavedDeploymentsWhenTheNameIsUnknown() throws Exception {
        new SettingsFile(dataDir).add(DeploymentSettings.create("Production", DeploymentKind.INTELLIVISION, "https://iv.example.com"));

        CommandRun run = CommandRun.of("frame", "https://youtu.be/x", "--deployment", "Prod", "--data-dir", dataDir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--deployment: there is no deployment named 'Prod' in " + dataDir.resolve("deployments.json"))
                .contains("The saved deployments are: Staging, Production.");
    }

    @Test
    void saysWhenNoTokensAreSavedForTheDeployment() {
        new OwnerOnlySecretFile(dataDir).delete(staging.id());

        CommandRun run = CommandRun.of("frame", "https://youtu.be/x", "--deployment", "Staging", "--data-dir", dataDir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).startsWith("Error: No tokens are saved for Staging in an owner-only file at");
    }
}
