package com.intellivision.console.deployment.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.JobJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote deployments, in {@code <data dir>/deployments.json}: a pretty-printed JSON object with the
 * format's {@code version} and the {@code deployments} in the order people added them. It never holds
 * secrets. Writes are atomic. Fields this version does not know are ignored, and a deployment of a kind
 * it does not know is kept in the file untouched but not listed, so a newer console's file survives.
 *
 * <p>Every method reads the file first. A missing file means no remote deployments; a file that cannot
 * be understood is moved aside and reported with an {@link UnreadableSettingsException}, whose message
 * can be shown as it is; then the next call starts from an empty list. Other {@link IOException}s are
 * failures to read or write the disk. Names are unique regardless of case: adding or saving a second
 * "Staging" throws an {@link IllegalArgumentException} with a message fit to show.
 */
public final class SettingsFile {

    public static final String FILE_NAME = "deployments.json";
    static final int VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);
    private static final ObjectMapper MAPPER = JobJson.mapper();

    private final Path path;
    private final Set<String> unknownKindsReported = new HashSet<>();

    public SettingsFile(Path dataDir) {
        this.path = dataDir.resolve(FILE_NAME);
    }

    public Path path() {
        return path;
    }

    public synchronized List<DeploymentSettings> load() throws IOException {
        return read().listed();
    }

    /** Replaces the list with {@code deployments}, in their order. */
    public synchronized void save(List<DeploymentSettings> deployments) throws IOException {
        write(deployments, read().kept());
    }

    /** Adds a new deployment at the end. */
    public synchronized void add(DeploymentSettings added) throws IOException {
        Contents contents = read();
        List<DeploymentSettings> all = new ArrayList<>(contents.listed());
        all.add(added);
        write(all, contents.kept());
    }

    /** Puts {@code changed} in the place of the deployment with its id. */
    public synchronized void replace(DeploymentSettings changed) throws IOException {
        Contents contents = read();
        List<DeploymentSettings> all = new ArrayList<>(contents.listed());
        int index = indexOf(all, changed.id());
        if (index < 0) {
            throw new IllegalArgumentException("The deployment \"" + changed.name() + "\" is no longer in the list; "
                    + "it may have been removed in another window.");
        }
        all.set(index, changed);
        write(all, contents.kept());
    }

    /** @return whether there was a deployment with this id */
    public synchronized boolean remove(String id) throws IOException {
        Contents contents = read();
        List<DeploymentSettings> all = new ArrayList<>(contents.listed());
        int index = indexOf(all, id);
        if (index < 0) {
            return false;
        }
        all.remove(index);
        write(all, contents.kept());
        return true;
    }

    /** The deployment people call {@code name}, regardless of case. */
    public synchronized Optional<DeploymentSettings> findByName(String name) throws IOException {
        return read().listed().stream().filter(deployment -> deployment.isNamed(name)).findFirst();
    }

    /** What the file holds: the deployments this version understands, and those it keeps as they are. */
    private record Contents(List<DeploymentSettings> listed, List<JsonNode> kept) {}

    private Contents read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException none) {
            return new Contents(List.of(), List.of());
        }
        try {
            return parse(MAPPER.readTree(bytes));
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            Path aside = AtomicFiles.moveAside(path);
            LOG.warn("{} could not be read and was moved to {}: {}", path, aside, problem(unreadable));
            throw new UnreadableSettingsException(path, aside, problem(unreadable));
        }
    }

    private Contents parse(JsonNode root) throws JsonProcessingException {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("it holds no JSON object");
        }
        JsonNode entries = root.path("deployments");
        if (!entries.isMissingNode() && !entries.isArray()) {
            throw new IllegalArgumentException("\"deployments\" is not a list");
        }
        List<DeploymentSettings> listed = new ArrayList<>();
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode entry : entries) {
            String kind = entry.path("kind").asText(DeploymentKind.INTELLIVISION.name());
            if (isKnownKind(kind)) {
                listed.add(understand(entry));
            } else {
                if (unknownKindsReported.add(kind)) {
                    LOG.warn("{} has a deployment of a kind this version does not know ({}); it stays in the file but is not listed", path, kind);
                }
                kept.add(entry);
            }
        }
        checkUnique(listed);
        return new Contents(List.copyOf(listed), List.copyOf(kept));
    }

    private static DeploymentSettings understand(JsonNode entry) throws JsonProcessingException {
        try {
            return MAPPER.treeToValue(entry, Stored.class).toSettings();
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("the deployment \"" + entry.path("name").asText() + "\": " + invalid.getMessage(), invalid);
        }
    }

    private void write(List<DeploymentSettings> deployments, List<JsonNode> kept) throws IOException {
        checkUnique(deployments);
        ObjectNode root = MAPPER.createObjectNode().put("version", VERSION);
        ArrayNode entries = root.putArray("deployments");
        deployments.forEach(deployment -> entries.add(MAPPER.valueToTree(Stored.of(deployment))));
        kept.forEach(entries::add);
        AtomicFiles.write(path, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private static void checkUnique(List<DeploymentSettings> deployments) {
        for (int i = 0; i < deployments.size(); i++) {
            DeploymentSettings later = deployments.get(i);
            for (DeploymentSettings earlier : deployments.subList(0, i)) {
                if (earlier.isNamed(later.name())) {
                    throw new IllegalArgumentException("There is already a deployment named \"" + earlier.name()
                            + "\"; choose another name.");
                }
                if (earlier.id().equals(later.id())) {
                    throw new IllegalArgumentException("Two deployments have the id \"" + later.id() + "\".");
                }
            }
        }
    }

    private static int indexOf(List<DeploymentSettings> deployments, String id) {
        for (int i = 0; i < deployments.size(); i++) {
            if (deployments.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isKnownKind(String kind) {
        return Arrays.stream(DeploymentKind.values()).anyMatch(known -> known.name().equals(kind));
    }

    private static String problem(Exception unreadable) {
        if (unreadable instanceof JsonProcessingException json) {
            String first = json.getOriginalMessage().lines().findFirst().orElse("invalid JSON")
                    .replaceAll("\\[Source: [^;]*; (line: \\d+, column: \\d+)]", "$1");
            return json.getLocation() == null || json.getLocation().getLineNr() < 1 ? first
                    : first + " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
        }
        return unreadable.getMessage();
    }

    /** One deployment as the file holds it; numbers left out take their defaults. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Stored(String id, String name, DeploymentKind kind, String baseUrl, String flowerUrl, String flowerUser,
            Integer queueAlertAbove, Integer pollSeconds) {

        static Stored of(DeploymentSettings settings) {
            return new Stored(settings.id(), settings.name(), settings.kind(), settings.baseUrl(), settings.flowerUrl(),
                    settings.flowerUser(), settings.queueAlertAbove(), settings.pollSeconds());
        }

        DeploymentSettings toSettings() {
            return new DeploymentSettings(id, name, kind == null ? DeploymentKind.INTELLIVISION : kind, baseUrl, flowerUrl,
                    flowerUser, queueAlertAbove == null ? DeploymentSettings.DEFAULT_QUEUE_ALERT_ABOVE : queueAlertAbove,
                    pollSeconds == null ? DeploymentSettings.DEFAULT_POLL_SECONDS : pollSeconds);
        }
    }
}
