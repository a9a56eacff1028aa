package com.intellivision.console.ui.preview;

import com.intellivision.console.job.JobAttempt;
import com.intellivision.console.ui.common.StatusBadge;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One run of a job as the attempts list shows it, e.g. "#2 · w1 (pid 4312) · 10:42:03 · 3.2 s", an
 * outcome badge styled {@code attempt-<outcome>}, and the run's error if it had one (for a cancelled run,
 * only a note of how it was cancelled).
 */
public record AttemptRow(String number, String worker, String started, String duration, String outcome,
        String outcomeStyleClass, String error) {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    static AttemptRow of(JobAttempt attempt, ZoneId zone) {
        String outcome = attempt.outcome() == null ? JobAttempt.RUNNING : attempt.outcome();
        return new AttemptRow(
                "#" + attempt.number(),
                workerOf(attempt),
                attempt.startedAt() == null ? "" : CLOCK_TIME.format(attempt.startedAt().atZone(zone)),
                durationOf(attempt, outcome),
                StatusBadge.capitalize(outcome),
                "attempt-" + outcome.toLowerCase(Locale.ROOT),
                attempt.error() == null || attempt.error().isBlank() ? "" : attempt.error());
    }

    /** "w1 (pid 4312)", or just the worker where its process is unknown; a server may not say which worker it was. */
    private static String workerOf(JobAttempt attempt) {
        String worker = attempt.workerId() == null || attempt.workerId().isBlank() ? "server" : attempt.workerId();
        return worker + (attempt.workerPid() > 0 ? " (pid " + attempt.workerPid() + ")" : "");
    }

    /** An error in red; a cancelled run's note is no error. */
    public String errorStyleClass() {
        return outcomeStyleClass.equals("attempt-cancelled") ? "attempt-note" : "attempt-error";
    }

    /** How long a finished run took; nothing for one still running, or whose end is unknown. */
    private static String durationOf(JobAttempt attempt, String outcome) {
        Instant started = attempt.startedAt();
        Instant ended = attempt.endedAt();
        if (JobAttempt.RUNNING.equals(outcome) || started == null || ended == null || ended.isBefore(started)) {
            return "";
        }
        return describe(Duration.between(started, ended));
    }

    /** Precise for short runs, rounder for long ones: "<0.1 s", "0.8 s", "42 s", "2 min 5 s", "1 h 3 min". */
    static String describe(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 100) {
            return "<0.1 s";
        }
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
