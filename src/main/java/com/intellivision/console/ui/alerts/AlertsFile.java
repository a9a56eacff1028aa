package com.intellivision.console.ui.alerts;

import com.intellivision.console.deployment.settings.AtomicFiles;
import com.intellivision.console.job.JobJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code alerts.json} in the data directory: the alert rules as people set them and the latest past
 * alerts. Reading never fails the console: a missing or unreadable file gives the default rules and no
 * history. Writing replaces the file whole; the newest contents win when writes overlap.
 */
public final class AlertsFile {

    public static final String FILE_NAME = "alerts.json";
    /** The past alerts kept, newest last. */
    public static final int MAX_HISTORY = 500;
    private static final Logger LOG = LoggerFactory.getLogger(AlertsFile.class);

    /** What the file holds. */
    public record Contents(List<AlertRule> rules, List<PastAlert> history) {

        public static final Contents DEFAULTS = new Contents(AlertRule.defaults(), List.of());

        public Contents {
            rules = completed(rules);
            history = history == null ? List.of()
                    : List.copyOf(history.subList(Math.max(0, history.size() - MAX_HISTORY), history.size()));
        }

        /**
         * Every kind of rule once, in the table's order: a kind the file lacks (new in this version), or
         * whose numbers no editor would take (negative, as by a hand edit), comes with its defaults.
         */
        private static List<AlertRule> completed(List<AlertRule> read) {
            Map<AlertRule.Kind, AlertRule> byKind = new EnumMap<>(AlertRule.Kind.class);
            if (read != null) {
                read.stream().filter(rule -> rule != null && rule.kind() != null && sensible(rule)).forEach(rule -> byKind.put(rule.kind(), rule));
            }
            List<AlertRule> all = new ArrayList<>();
            for (AlertRule.Kind kind : AlertRule.Kind.values()) {
                all.add(byKind.getOrDefault(kind, kind.byDefault()));
            }
            return List.copyOf(all);
        }

        private static boolean sensible(AlertRule rule) {
            return Double.isFinite(rule.threshold()) && rule.threshold() >= 0 && rule.holdSeconds() >= 0 && rule.cooldownSeconds() >= 0
                    && rule.minJobs() >= 0;
        }
    }

    private final Path path;
    private final Object writing = new Object();
    private final AtomicReference<Contents> unwritten = new AtomicReference<>();

    public AlertsFile(Path path) {
        this.path = path;
    }

    /** The alerts file of {@code dataDir}. */
    public static AlertsFile in(Path dataDir) {
        return new AlertsFile(dataDir.resolve(FILE_NAME));
    }

    public Contents load() {
        if (!Files.isRegularFile(path)) {
            return Contents.DEFAULTS;
        }
        try {
            Contents read = JobJson.mapper().readValue(path.toFile(), Contents.class);
            return read == null ? Contents.DEFAULTS : read;
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("{} could not be read ({}); the console starts with the default alert rules and no past alerts", path,
                    unreadable.getMessage());
            return Contents.DEFAULTS;
        }
    }

    /** Notes {@code contents} as the next to write; {@link #writeLatest()} writes it. Cheap, for the UI thread. */
    public void offer(Contents contents) {
        unwritten.set(contents);
    }

    /**
     * Writes the newest contents offered, if any is still unwritten; for a background thread. Throws
     * {@link UncheckedIOException} with a message for people if the folder cannot be written.
     */
    public void writeLatest() {
        synchronized (writing) {
            Contents contents = unwritten.getAndSet(null);
            if (contents != null) {
                save(contents);
            }
        }
    }

    public void save(Contents contents) {
        try {
            AtomicFiles.write(path, JobJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(contents));
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("The alerts could not be saved in " + path + ": " + cannotWrite.getMessage()
                    + ". Check that the folder exists and can be written.", cannotWrite);
        }
    }

    public Path path() {
        return path;
    }
}
