package com.intellivision.console.ui.jobs;

import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobQuery;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the jobs table is narrowed to: words, one status (or dead letters), one kind of job. As a
 * {@link JobQuery} it searches the deployment's store; {@link #matches} applies the same rule to a job
 * that changes while the filter is on, so the table stays true without asking again.
 */
public record JobFilter(String text, StatusChoice status, JobType type) {

    /** The statuses people filter by, and the dead letters (jobs that failed for good after their retries). */
    public enum StatusChoice {
        ANY("Any status"), PENDING("Pending"), PROCESSING("Processing"), COMPLETED("Completed"), FAILED("Failed"),
        CANCELLED("Cancelled"), DEAD_LETTERS("Dead letters");

        private final String label;

        StatusChoice(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public static final JobFilter NONE = new JobFilter("", StatusChoice.ANY, null);

    public JobFilter {
        text = text == null ? "" : text;
        status = status == null ? StatusChoice.ANY : status;
    }

    public boolean isEmpty() {
        return text.isBlank() && status == StatusChoice.ANY && type == null;
    }

    public JobQuery toQuery() {
        JobQuery query = JobQuery.text(text);
        if (status == StatusChoice.DEAD_LETTERS) {
            query = query.deadLetters(true);
        } else if (status != StatusChoice.ANY) {
            query = query.withStatuses(JobStatus.valueOf(status.name()));
        }
        return type == null ? query : query.withTypes(type);
    }

    /** Whether {@code job} passes: its status and kind, and each word's pieces begin words of its id, source, kind, status or error. */
    public boolean matches(Job job) {
        if (status == StatusChoice.DEAD_LETTERS ? !job.deadLetter() : status != StatusChoice.ANY && job.status() != JobStatus.valueOf(status.name())) {
            return false;
        }
        if (type != null && job.type() != type) {
            return false;
        }
        List<List<String>> words = toQuery().words();
        if (words.isEmpty()) {
            return true;
        }
        Set<String> tokens = Set.copyOf(tokensOf(job));
        return words.stream().allMatch(pieces -> pieces.stream().allMatch(piece -> tokens.stream().anyMatch(token -> token.startsWith(piece.toLowerCase(Locale.ROOT)))));
    }

    private static List<String> tokensOf(Job job) {
        String text = String.join(" ", String.valueOf(job.id()), job.youtubeUrl(), job.type().wireName(), job.type().displayName(),
                job.status().wireName(), job.error() == null ? "" : job.error(), job.taskId() == null ? "" : job.taskId());
        List<String> tokens = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}\\p{M}]+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }
}
