package com.intellivision.console.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.sqlite.SQLiteConfig;

/**
 * What a local pool's {@code jobs.db} and its output folder say after a run with faults, read from
 * outside the engine (as a second program would) so that it also works on the store of a process that
 * was killed: whether SQLite finds the file whole, how each job ended and with which attempts, and
 * whether the output folder holds exactly the files the completed jobs name.
 */
public final class StoreAudit {

    /** One job's row and its attempts' outcomes, in order. */
    public record JobRow(long id, String status, String error, boolean deadLetter, String results, String outputImage, List<String> outcomes) {

        /** The files this job's results name: its image, a filmstrip's frames at both sizes, a count's clean frame. */
        Set<Path> namedFiles() {
            Set<Path> files = new HashSet<>();
            if (outputImage != null) {
                files.add(Path.of(outputImage).toAbsolutePath().normalize());
            }
            if (results != null) {
                collectFileUris(parse(results), files);
            }
            return files;
        }

        private static JsonNode parse(String json) {
            try {
                return JobJson.mapper().readTree(json);
            } catch (IOException unreadable) {
                throw new AssertionError("unreadable results: " + json, unreadable);
            }
        }

        private static void collectFileUris(JsonNode node, Set<Path> into) {
            if (node.isTextual() && node.asText().startsWith("file:")) {
                into.add(Path.of(URI.create(node.asText())).toAbsolutePath().normalize());
            }
            node.forEach(child -> collectFileUris(child, into));
        }
    }

    private StoreAudit() {}

    /** SQLite's own check of the whole file, {@code "ok"} when nothing is wrong. */
    public static String integrityCheck(Path database) throws SQLException {
        try (Connection connection = readOnly(database); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA integrity_check")) {
            List<String> problems = new ArrayList<>();
            while (row.next()) {
                problems.add(row.getString(1));
            }
            return String.join("; ", problems);
        }
    }

    /** Every job in the store, oldest first. */
    public static List<JobRow> jobs(Path database) throws SQLException {
        Map<Long, List<String>> outcomes = new HashMap<>();
        List<JobRow> jobs = new ArrayList<>();
        try (Connection connection = readOnly(database); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT job_id, outcome FROM job_attempts ORDER BY job_id, number")) {
                while (row.next()) {
                    outcomes.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2));
                }
            }
            try (ResultSet row = statement.executeQuery(
                    "SELECT id, status, error, dead_letter, results, output_image FROM jobs ORDER BY id")) {
                while (row.next()) {
                    long id = row.getLong("id");
                    jobs.add(new JobRow(id, row.getString("status"), row.getString("error"), row.getInt("dead_letter") == 1,
                            row.getString("results"), row.getString("output_image"), outcomes.getOrDefault(id, List.of())));
                }
            }
        }
        return jobs;
    }

    /** How many jobs of the store have ended, completed or failed. */
    public static int ended(Path database) throws SQLException {
        try (Connection connection = readOnly(database); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM jobs WHERE status IN ('completed', 'failed')")) {
            return row.getInt(1);
        }
    }

    /**
     * Asserts that each job ended once: completed, or failed with its own reason (the one {@code
     * expectedFailure} gives for its index), or failed as a dead letter after its workers were lost
     * too often; each with exactly one attempt that is not a requeued one, matching its status.
     */
    public static void assertEachEndedOnce(List<JobRow> jobs, java.util.function.IntFunction<String> expectedFailure) {
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < jobs.size(); i++) {
            JobRow job = jobs.get(i);
            String own = expectedFailure.apply(i);
            softly.assertThat(job.status()).as("job %d (%s)", job.id(), job.error()).isIn("completed", "failed");
            softly.assertThat(job.outcomes()).as("job %d's attempts", job.id()).filteredOn(outcome -> !outcome.equals("requeued"))
                    .containsExactly(job.status());
            if (job.status().equals("failed")) {
                softly.assertThat(job.error()).as("job %d's reason", job.id()).isNotBlank();
                if (!job.deadLetter()) {
                    softly.assertThat(own).as("job %d failed though its input is good: %s", job.id(), job.error()).isNotNull();
                    softly.assertThat(job.error()).as("job %d's reason", job.id()).contains(own == null ? "" : own);
                }
            } else {
                softly.assertThat(own).as("job %d completed though its input should fail", job.id()).isNull();
            }
        }
        softly.assertAll();
    }

    /**
     * Asserts that {@code folder} holds exactly the files the completed jobs name, each written whole
     * and named by one job only: none lost, none twice, nothing partial or left by a failed job.
     */
    public static void assertOutputsExactly(List<JobRow> jobs, Path folder) throws IOException {
        Set<Path> expected = new HashSet<>();
        for (JobRow job : jobs) {
            Set<Path> named = job.namedFiles();
            if (job.status().equals("completed")) {
                assertThat(named).as("job %d names its outputs", job.id()).isNotEmpty();
                for (Path file : named) {
                    assertThat(expected.add(file)).as("%s is named by job %d and by another", file, job.id()).isTrue();
                }
            }
        }
        Set<Path> present = new HashSet<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.forEach(file -> present.add(file.toAbsolutePath().normalize()));
            }
        }
        assertThat(present).as("files in %s", folder).containsExactlyInAnyOrderElementsOf(expected);
        for (Path file : present) {
            assertThat(Files.size(file)).as("%s is not empty", file).isPositive();
        }
    }

    /** Asserts that a folder the workers used for temporary files holds nothing now. */
    public static void assertEmpty(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(file -> !file.equals(folder))).as("stray files in %s", folder).isEmpty();
        }
    }

    private static Connection readOnly(Path database) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        return DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath(), config.toProperties());
    }
}
