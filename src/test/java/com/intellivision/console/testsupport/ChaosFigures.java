package com.intellivision.console.testsupport;

import java.util.List;
import java.util.Locale;

/** One line of figures for a run with faults, printed for the README's reliability figures. */
public final class ChaosFigures {

    private ChaosFigures() {}

    public static String line(String fault, long seed, List<StoreAudit.JobRow> jobs, int faults, double seconds) {
        long completed = jobs.stream().filter(job -> job.status().equals("completed")).count();
        long deadLetters = jobs.stream().filter(StoreAudit.JobRow::deadLetter).count();
        long failed = jobs.stream().filter(job -> job.status().equals("failed")).count() - deadLetters;
        long requeued = jobs.stream().mapToLong(job -> job.outcomes().stream().filter("requeued"::equals).count()).sum();
        return String.format(Locale.ROOT, "reliability: %s: %d jobs, %d faults, %d completed, %d failed by their input, %d dead letters,"
                + " %d attempts requeued, %.1f s (seed %d)", fault, jobs.size(), faults, completed, failed, deadLetters, requeued, seconds, seed);
    }
}
