package com.intellivision.console.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.intellivision.console.deployment.CatalogEditor.SavedSecrets;
import com.intellivision.console.deployment.CatalogEditor.TypedSecrets;
import com.intellivision.console.deployment.settings.DeploymentKind;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.deployment.settings.OwnerOnlySecretFile;
import com.intellivision.console.deployment.settings.SecretStore;
import com.intellivision.console.deployment.settings.SettingsFile;
import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.ConnectionChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.remote.RemoteException;
import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployments people set up, saved in the data directory and their secrets kept apart. */
class SavedDeploymentsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private FakeIntelliVisionServer server;
    private SecretStore secrets;
    private SavedDeployments saved;

    @BeforeEach
    void open() throws Exception {
        server = FakeIntelliVisionServer.start();
        secrets = new OwnerOnlySecretFile(dataDir);
        saved = SavedDeployments.open(new IdleLocalPool(), dataDir, secrets);
    }

    @AfterEach
    void close() {
        saved.close();
        server.close();
    }

    @Test
    void theLocalPoolAloneComesFirstWhenNothingIsSaved() {
        assertThat(saved.deployments()).extracting(Deployment::id).containsExactly(Deployment.LOCAL_ID);
        assertThat(saved.openingProblem()).isEmpty();
        assertThat(saved.secretsLocation()).contains("secrets.json");
    }

    @Test
    void anAddedServerIsSavedWithoutItsTokensAndIsThereAgainNextTime() throws Exception {
        Deployment added = saved.add(prod(), typed(FakeIntelliVisionServer.ACCESS_TOKEN, FakeIntelliVisionServer.REFRESH_TOKEN));
        Job job = added.awaitTerminal(added.submit(JobRequest.count("http://127.0.0.1:9/clip.mp4", null)).id(), WAIT);
        saved.close();

        String settingsFile = Files.readString(dataDir.resolve(SettingsFile.FILE_NAME));
        assertThat(settingsFile).contains("Prod").contains(server.url()).doesNotContain(FakeIntelliVisionServer.ACCESS_TOKEN);
        assertThat(secrets.read(added.id())).hasValueSatisfying(kept -> assertThat(kept.accessToken()).isEqualTo(FakeIntelliVisionServer.ACCESS_TOKEN));

        saved = SavedDeployments.open(new IdleLocalPool(), dataDir, secrets);
        Deployment again = saved.deployments().get(1);
        assertThat(again.id()).isEqualTo(added.id());
        assertThat(again.displayName()).isEqualTo("Prod");
        assertThat(again.recentJobs(5)).extracting(Job::id, Job::status).containsExactly(tuple(job.id(),
                JobStatus.COMPLETED));
    }

    @Test
    void aChangeKeepsTheSavedTokensItDoesNotReplace() {
        Deployment added = saved.add(prod(), typed(FakeIntelliVisionServer.ACCESS_TOKEN, FakeIntelliVisionServer.REFRESH_TOKEN));

        Deployment changed = saved.update(saved.settingsOf(added.id()).orElseThrow().withName("Production").withQueueAlertAbove(7),
                typed("", ""));

        assertThat(changed.displayName()).isEqualTo("Production");
        assertThat(saved.backlogThreshold(added.id())).isEqualTo(7);
        assertThat(saved.savedSecretsOf(added.id())).isEqualTo(new SavedSecrets(true, true, false));
        assertThat(secrets.read(added.id()).orElseThrow().accessToken()).isEqualTo(FakeIntelliVisionServer.ACCESS_TOKEN);
        assertThat(saved.deployments()).hasSize(2).last().isSameAs(changed);
    }

    @Test
    void aRemovedServerIsForgottenWholly() throws Exception {
        Deployment added = saved.add(prod(), typed(FakeIntelliVisionServer.ACCESS_TOKEN, null));
        added.awaitTerminal(added.submit(JobRequest.frame("http://127.0.0.1:9/clip.mp4", null)).id(), WAIT);
        Path images = dataDir.resolve("remote").resolve(added.id());
        assertThat(images).isDirectory();

        saved.remove(added.id());

        assertThat(saved.deployments()).extracting(Deployment::id).containsExactly(Deployment.LOCAL_ID);
        assertThat(new SettingsFile(dataDir).load()).isEmpty();
        assertThat(secrets.read(added.id())).isEmpty();
        assertThat(images).doesNotExist();
    }

    @Test
    void aConnectionTestSaysWhoTheTokenBelongsToOrWhatWentWrong() {
        assertThat(saved.testConnection(prod(), typed(FakeIntelliVisionServer.ACCESS_TOKEN, null))).isEqualTo("Connected as ivtest");

        assertThatThrownBy(() -> saved.testConnection(prod(), typed("not-a-token", null))).isInstanceOf(RemoteException.class)
                .hasMessageContaining("Token is invalid or expired").hasMessageNotContaining("not-a-token");
        assertThat(saved.deployments()).as("a test saves nothing").hasSize(1);
    }

    @Test
    void aRenewedAccessTokenIsSavedForTheNextStart() throws Exception {
        Deployment added = saved.add(prod(), typed(FakeIntelliVisionServer.ACCESS_TOKEN, FakeIntelliVisionServer.REFRESH_TOKEN));
        server.expireAccessToken();

        added.awaitTerminal(added.submit(JobRequest.count("http://127.0.0.1:9/clip.mp4", null)).id(), WAIT);

        assertThat(secrets.read(added.id()).orElseThrow().accessToken()).startsWith("renewed-");
    }

    @Test
    void aSavedServerWithoutTokensIsNamedInsteadOfConnected() throws Exception {
        saved.close();
        new SettingsFile(dataDir).add(prod());

        saved = SavedDeployments.open(new IdleLocalPool(), dataDir, secrets);

        assertThat(saved.deployments()).hasSize(1);
        assertThat(saved.openingProblem()).hasValueSatisfying(problem -> assertThat(problem).contains("No tokens are saved for Prod"));
    }

    @Test
    void anUnreadableSettingsFileIsSetAsideAndSaid() throws Exception {
        saved.close();
        Files.writeString(dataDir.resolve(SettingsFile.FILE_NAME), "{ not json");

        saved = SavedDeployments.open(new IdleLocalPool(), dataDir, secrets);

        assertThat(saved.openingProblem()).isPresent();
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(file -> file.getFileName().toString())).anyMatch(name -> name.startsWith(SettingsFile.FILE_NAME + ".broken-"));
        }
    }

    private DeploymentSettings prod() {
        return DeploymentSettings.create("Prod", DeploymentKind.INTELLIVISION, server.url());
    }

    private static TypedSecrets typed(String access, String refresh) {
        return new TypedSecrets(access, refresh, null);
    }

    /** The local pool's place, taken by a deployment that does nothing: these tests are about the others. */
    private static final class IdleLocalPool implements Deployment {
        @Override
        public String id() {
            return LOCAL_ID;
        }

        @Override
        public String displayName() {
            return "Local pool";
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.full(LocalDeployment.JOB_TYPES);
        }

        @Override
        public Job submit(JobRequest request) {
            throw new UnsupportedOperationException("nothing runs here");
        }

        @Override
        public Optional<Job> job(long jobId) {
            return Optional.empty();
        }

        @Override
        public List<Job> recentJobs(int limit) {
            return List.of();
        }

        @Override
        public Subscription subscribe(Consumer<EngineEvent> listener) {
            return () -> {};
        }

        @Override
        public ConnectionChanged connection() {
            return new ConnectionChanged(ConnectionState.CONNECTED, "", Instant.EPOCH);
        }

        @Override
        public void close() {}
    }
}
