package com.intellivision.console.job;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A worker as seen at one moment. Ids are opaque: the local pool names its slots {@code w1},
 * {@code w2}, ...; a Celery cluster names its workers {@code celery@host}.
 *
 * @param id the deployment's own name for the worker, stable across restarts of its process
 * @param pid the operating system's id of the worker's (main) process, or {@link #NO_PID} where unknown
 * @param jobId the job it is running, or {@link #NO_JOB} when it runs none (the first of several)
 * @param activeJobs how many jobs it is running now
 * @param processes how many processes work for it: 1 for a local worker, a Celery worker's pool size
 * @param rssBytes resident memory at the last sample, 0 before the first one
 * @param peakRssBytes highest resident memory seen for this process
 */
public record WorkerInfo(String id, long pid, WorkerState state, long jobId, int activeJobs, int processes,
        long rssBytes, long peakRssBytes) {

    public static final long NO_JOB = -1;
    public static final long NO_PID = -1;

    private static final Pattern TRAILING_NUMBER = Pattern.compile("(.*?)(\\d{1,9})$");

    /** Workers in the order people count them: w2 before w10, then by name. */
    public static final Comparator<String> NAME_ORDER = Comparator
            .comparing((String name) -> prefixOf(name))
            .thenComparingLong(WorkerInfo::numberOf)
            .thenComparing(Comparator.naturalOrder());

    private static String prefixOf(String name) {
        Matcher numbered = TRAILING_NUMBER.matcher(name);
        return numbered.matches() ? numbered.group(1) : name;
    }

    private static long numberOf(String name) {
        Matcher numbered = TRAILING_NUMBER.matcher(name);
        return numbered.matches() ? Long.parseLong(numbered.group(2)) : -1;
    }

    /** A worker of one process running at most one job, as the local pool has. */
    public static WorkerInfo single(String id, long pid, WorkerState state, long jobId, long rssBytes, long peakRssBytes) {
        return new WorkerInfo(id, pid, state, jobId, jobId == NO_JOB ? 0 : 1, 1, rssBytes, peakRssBytes);
    }
}
