package com.intellivision.console.deployment.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {

    @TempDir
    Path dataDir;

    private final DeploymentSettings lobby = DeploymentSettings.create("Lobby", DeploymentKind.INTELLIVISION, "https://lobby.example")
            .withFlowerUrl("https://lobby.example/flower").withFlowerUser("ops").withQueueAlertAbove(40);
    private final DeploymentSettings staging = DeploymentSettings.create("Staging", DeploymentKind.CONSOLE_SERVE, "http://10.0.0.5:7070");

    @Test
    void noFileMeansNoRemoteDeployments() throws IOException {
        SettingsFile file = new SettingsFile(dataDir);

        assertThat(file.load()).isEmpty();
        assertThat(file.findByName("Lobby")).isEmpty();
        assertThat(file.remove("lobby-abc123")).isFalse();
        assertThat(file.path()).doesNotExist();
    }

    @Test
    void roundTripKeepsEverythingInOrder() throws IOException {
        new SettingsFile(dataDir).add(lobby);
        new SettingsFile(dataDir).add(staging);

        assertThat(new SettingsFile(dataDir).load()).containsExactly(lobby, staging);
        String json = Files.readString(dataDir.resolve("deployments.json"));
        assertThat(json).contains("\"version\" : 1", "\"baseUrl\" : \"https://lobby.example\"", "\"kind\" : \"CONSOLE_SERVE\"")
                .contains(System.lineSeparator() + "  \"deployments\"");
        assertThat(json).doesNotContain("\"flowerUrl\" : null");
    }

    @Test
    void saveReplacesTheWholeList() throws IOException {
        SettingsFile file = new SettingsFile(dataDir);
        file.save(List.of(staging, lobby));
        file.save(List.of(lobby));

        assertThat(file.load()).containsExactly(lobby);
    }

    @Test
    void replaceAndRemoveGoById() throws IOException {
        SettingsFile file = new SettingsFile(dataDir);
        file.save(List.of(lobby, staging));

        DeploymentSettings renamed = lobby.withName("Front lobby").withPollSeconds(3);
        file.replace(renamed);
        assertThat(file.load()).containsExactly(renamed, staging);

        assertThat(file.remove(lobby.id())).isTrue();
        assertThat(file.load()).containsExactly(staging);
        assertThatIllegalArgumentException().isThrownBy(() -> file.replace(lobby))
                .withMessage("The deployment \"Lobby\" is no longer in the list; it may have been removed in another window.");
    }

    @Test
    void findByNameIgnoresCase() throws IOException {
        SettingsFile file = new SettingsFile(dataDir);
        file.save(List.of(lobby, staging));

        assertThat(file.findByName(" sTaGiNg ")).contains(staging);
        assertThat(file.findByName("Stage")).isEmpty();
    }

    @Test
    void namesAreUniqueRegardlessOfCase() throws IOException {
        SettingsFile file = new SettingsFile(dataDir);
        file.add(lobby);
        String before = Files.readString(file.path());

        DeploymentSettings twin = DeploymentSettings.create("LOBBY", DeploymentKind.INTELLIVISION, "https://other.example");
        assertThatIllegalArgumentException().isThrownBy(() -> file.add(twin))
                .withMessage("There is already a deployment named \"Lobby\"; choose another name.");
        assertThat(file.path()).hasContent(before);
        file.add(staging);
        assertThatIllegalArgumentException().isThrownBy(() -> file.replace(staging.withName("lobby")))
                .withMessage("There is already a deployment named \"Lobby\"; choose another name.");
        assertThatIllegalArgumentException().isThrownBy(() -> file.save(List.of(lobby, lobby)))
                .withMessageContaining("already a deployment named");
        assertThat(file.load()).containsExactly(lobby, staging);
    }

    @Test
    void unknownFieldsAreIgnoredAndMissingNumbersTakeTheirDefaults() throws IOException {
        write("""
                {
                  "version": 7,
                  "theme": "dark",
                  "deployments": [
                    {"id": "lab-x1y2z3", "name": "Lab", "kind": "INTELLIVISION", "baseUrl": "https://lab.example/",
                     "region": "eu-west", "tags": ["a", "b"]}
                  ]
                }
                """);

        assertThat(new SettingsFile(dataDir).load()).containsExactly(new DeploymentSettings("lab-x1y2z3", "Lab",
                DeploymentKind.INTELLIVISION, "https://lab.example", null, null, 100, 1));
    }

    @Test
    void aDeploymentOfAnUnknownKindIsKeptButNotListed() throws IOException {
        write("""
                {"version": 2, "deployments": [
                  {"id": "cloud-aaaaaa", "name": "Cloud", "kind": "CLOUD_RUN", "baseUrl": "https://cloud.example", "zone": "b"},
                  {"id": "lab-x1y2z3", "name": "Lab", "baseUrl": "https://lab.example"}
                ]}
                """);
        SettingsFile file = new SettingsFile(dataDir);

        try (CapturedLogs logs = new CapturedLogs()) {
            assertThat(file.load()).extracting(DeploymentSettings::name).containsExactly("Lab");
            assertThat(logs.all()).contains("a kind this version does not know (CLOUD_RUN)");
        }
        file.add(lobby);
        file.remove("lab-x1y2z3");

        assertThat(file.load()).containsExactly(lobby);
        assertThat(Files.readString(file.path())).contains("\"kind\" : \"CLOUD_RUN\"", "\"zone\" : \"b\"");
    }

    @Test
    void aBrokenFileIsMovedAsideAndReported() throws IOException {
        String broken = "{\"version\": 1, \"deployments\": [ {\"id\": \"lab-x1y2z3\", \"name\": \"Lab\" ";
        write(broken);
        SettingsFile file = new SettingsFile(dataDir);

        assertThatThrownBy(file::load).isInstanceOfSatisfying(UnreadableSettingsException.class, unreadable -> {
            assertThat(unreadable.movedTo()).hasContent(broken);
            assertThat(unreadable.movedTo().getFileName().toString()).matches("deployments\\.json\\.broken-\\d{8}-\\d{6}");
            assertThat(unreadable.getMessage()).startsWith("The list of deployments in " + file.path() + " could not be read (")
                    .contains("It was moved to " + unreadable.movedTo() + " so that nothing is lost");
        });
        assertThat(file.path()).doesNotExist();
        assertThat(file.load()).isEmpty();
    }

    @Test
    void twoBrokenFilesInOneSecondAreBothKept() throws IOException {
        SettingsFile file = new SettingsFile(dataDir);
        write("not json");
        assertThatThrownBy(file::load).isInstanceOf(UnreadableSettingsException.class);
        write("[]");
        assertThatThrownBy(file::load).isInstanceOf(UnreadableSettingsException.class).hasMessageContaining("it holds no JSON object");

        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(path -> path.getFileName().toString())).hasSize(2).allMatch(name -> name.startsWith("deployments.json.broken-"));
        }
    }

    @Test
    void anInvalidDeploymentMakesTheFileUnreadableWithTheReason() throws IOException {
        write("""
                {"deployments": [{"id": "lab-x1y2z3", "name": "Lab", "baseUrl": "ftp://lab.example"}]}
                """);

        assertThatThrownBy(() -> new SettingsFile(dataDir).add(lobby)).isInstanceOf(UnreadableSettingsException.class)
                .hasMessageContaining("(the deployment \"Lab\": The server address must start with http:// or https://, not ftp://.)");
        assertThat(new SettingsFile(dataDir).load()).isEmpty();
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws IOException {
        SettingsFile file = new SettingsFile(dataDir.resolve("new-folder"));
        file.add(lobby);
        file.add(staging);
        file.replace(staging.withPollSeconds(9));
        file.remove(lobby.id());

        try (Stream<Path> files = Files.list(dataDir.resolve("new-folder"))) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("deployments.json");
        }
    }

    private void write(String json) throws IOException {
        Files.writeString(dataDir.resolve("deployments.json"), json, StandardCharsets.UTF_8);
    }
}
