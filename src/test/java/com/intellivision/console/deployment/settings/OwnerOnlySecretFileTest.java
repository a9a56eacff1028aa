package com.intellivision.console.deployment.settings;

import static com.intellivision.console.deployment.settings.DeploymentSecretsTest.ACCESS;
import static com.intellivision.console.deployment.settings.DeploymentSecretsTest.FLOWER;
import static com.intellivision.console.deployment.settings.DeploymentSecretsTest.REFRESH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlySecretFileTest {

    @TempDir
    Path dataDir;

    private final DeploymentSecrets all = new DeploymentSecrets(ACCESS, REFRESH, FLOWER);

    @Test
    void secretsRoundTripAndDelete() {
        OwnerOnlySecretFile file = new OwnerOnlySecretFile(dataDir);
        assertThat(file.read("lobby-aaaaaa")).isEmpty();

        file.write("lobby-aaaaaa", all);
        file.write("lab-bbbbbb", DeploymentSecrets.ofAccessToken("lab-token"));

        OwnerOnlySecretFile again = new OwnerOnlySecretFile(dataDir);
        assertThat(again.read("lobby-aaaaaa")).contains(all);
        assertThat(again.read("lab-bbbbbb")).contains(DeploymentSecrets.ofAccessToken("lab-token"));

        again.write("lobby-aaaaaa", all.withRefreshToken(null));
        assertThat(again.read("lobby-aaaaaa")).contains(all.withRefreshToken(null));

        again.delete("lobby-aaaaaa");
        again.delete("lobby-aaaaaa");
        assertThat(again.read("lobby-aaaaaa")).isEmpty();
        assertThat(again.read("lab-bbbbbb")).isPresent();

        again.delete("lab-bbbbbb");
        assertThat(again.path()).doesNotExist();
    }

    @Test
    void describesWhereSecretsGo() {
        OwnerOnlySecretFile file = new OwnerOnlySecretFile(dataDir);

        assertThat(file.describe()).isEqualTo("an owner-only file at " + dataDir.resolve("secrets.json").toAbsolutePath());
    }

    @Test
    void theFileIsOwnerOnlyAfterTheFirstAndEveryLaterWrite() throws IOException {
        assumePosix();
        OwnerOnlySecretFile file = new OwnerOnlySecretFile(dataDir.resolve("fresh"));

        file.write("lobby-aaaaaa", all);
        assertThat(permissionsOf(file.path())).isEqualTo("rw-------");

        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-rw-rw-"));
        file.write("lab-bbbbbb", all);
        assertThat(permissionsOf(file.path())).isEqualTo("rw-------");

        file.delete("lobby-aaaaaa");
        assertThat(permissionsOf(file.path())).isEqualTo("rw-------");
    }

    @Test
    void theTemporaryFileIsOwnerOnlyBeforeAnythingIsWrittenToIt() throws IOException {
        assumePosix();
        AtomicReference<String> seen = new AtomicReference<>();
        Path target = dataDir.resolve("secrets.json");

        AtomicFiles.write(target, "{}".getBytes(), temporary -> seen.set(permissionsOf(temporary) + " " + Files.size(temporary)),
                OwnerOnlyPermissions.forNewFile(dataDir));

        assertThat(seen.get()).isEqualTo("rw------- 0");
    }

    @Test
    void aFileOpenToOthersIsTightenedOnReadWithAWarning() throws IOException {
        assumePosix();
        OwnerOnlySecretFile file = new OwnerOnlySecretFile(dataDir);
        file.write("lobby-aaaaaa", all);
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r--r--"));

        try (CapturedLogs logs = new CapturedLogs()) {
            assertThat(file.read("lobby-aaaaaa")).contains(all);
            assertThat(logs.all()).contains("WARN " + file.path() + " was rw-r--r--, open to others; it is now readable by its owner only")
                    .doesNotContain(ACCESS, REFRESH, FLOWER);
        }
        assertThat(permissionsOf(file.path())).isEqualTo("rw-------");
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws IOException {
        OwnerOnlySecretFile file = new OwnerOnlySecretFile(dataDir);
        file.write("lobby-aaaaaa", all);
        file.write("lab-bbbbbb", all);
        file.delete("lab-bbbbbb");

        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("secrets.json");
        }
    }

    @Test
    void aDamagedFileIsMovedAsideWithoutItsSecretsInTheMessageOrTheLog() throws IOException {
        Path path = dataDir.resolve("secrets.json");
        Files.writeString(path, "{\"version\": 1, \"deployments\": {\"lobby-aaaaaa\": {\"accessToken\": " + ACCESS + "}}}");
        OwnerOnlySecretFile file = new OwnerOnlySecretFile(dataDir);

        try (CapturedLogs logs = new CapturedLogs()) {
            assertThatThrownBy(() -> file.read("lobby-aaaaaa")).isInstanceOf(SecretStoreException.class)
                    .hasMessageStartingWith("The secrets file " + path + " is not valid JSON (line 1, column ")
                    .hasMessageContaining("It was moved to " + path + ".broken-")
                    .hasMessageEndingWith("; enter the tokens and passwords of the remote deployments again.")
                    .hasMessageNotContaining(ACCESS)
                    .hasNoCause();
            assertThat(logs.all()).contains("WARN The secrets file").doesNotContain(ACCESS);
        }
        assertThat(path).doesNotExist();
        assertThat(file.read("lobby-aaaaaa")).isEmpty();
        try (Stream<Path> files = Files.list(dataDir)) {
            Path aside = files.filter(candidate -> candidate.getFileName().toString().startsWith("secrets.json.broken-")).findFirst().orElseThrow();
            assertThat(Files.readString(aside)).contains(ACCESS);
        }
    }

    @Test
    void anEntryWithoutAnAccessTokenIsReportedWithoutItsOtherSecrets() throws IOException {
        Files.writeString(dataDir.resolve("secrets.json"),
                "{\"deployments\": {\"lobby-aaaaaa\": {\"flowerPassword\": \"" + FLOWER + "\"}}}");

        assertThatThrownBy(() -> new OwnerOnlySecretFile(dataDir).read("lobby-aaaaaa")).isInstanceOf(SecretStoreException.class)
                .hasMessage("The entry of deployment lobby-aaaaaa in " + dataDir.resolve("secrets.json").toAbsolutePath()
                        + " is not usable: The access token is empty; paste the token the deployment gave you.");
    }

    private static String permissionsOf(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        return PosixFilePermissions.toString(permissions);
    }

    private void assumePosix() {
        assumeTrue(OwnerOnlyPermissions.isPosix(dataDir), "the file system has no POSIX permissions");
    }
}
