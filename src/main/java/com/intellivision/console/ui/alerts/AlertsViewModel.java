package com.intellivision.console.ui.alerts;

import com.intellivision.console.job.ConnectionState;
import com.intellivision.console.job.EngineEvent.ConnectionChanged;
import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.Warning;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.ui.common.ConsoleEvents;
import com.intellivision.console.ui.common.JobKey;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.Notices;
import com.intellivision.console.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notifications in the window's corner: failed jobs, workers killed for memory or lost, a deployment
 * lost or found again, warnings a deployment gives (a token about to expire), and the outcome of what
 * people asked for. What the alert rules watch (memory, the queue, failure and error rates) is
 * {@link RuleAlerts}'s, refreshed with these.
 *
 * <p>A bad hour can fail hundreds of jobs, so alerts are throttled: at most one appears per
 * {@link #MIN_GAP}, and what arrives in between waits and then appears as one ("5 jobs failed").
 * Alerts about engine events only wait; {@link #refresh()}, run after each batch of events and by a
 * clock in the view, shows them, so a burst within one batch is collapsed at once. Each alert leaves
 * after {@link #SHOWN_FOR}.
 */
public final class AlertsViewModel implements Notices {

    static final Duration MIN_GAP = Duration.ofSeconds(1);
    static final Duration SHOWN_FOR = Duration.ofSeconds(8);
    static final int MAX_SHOWN = 4;

    static final String MEMORY_KILL = "Worker exceeded memory limit";
    static final String WORKER_LOST = "Worker lost";

    /** What an alert is about, most severe first; the view picks its icon and colour from it. */
    public enum Kind {
        /** A deployment cannot be reached, or refuses the console's credentials. */
        CONNECTION,
        WORKER_KILLED,
        /** A job failed for good: its worker was lost on every automatic retry. */
        DEAD_LETTER,
        JOB_FAILED,
        PROBLEM,
        /** A job's worker was lost and the job was queued again. */
        WORKER_LOST,
        /** A deployment is too busy to take jobs for now. */
        BACKLOG,
        /** Something to act on soon, such as a token about to expire. */
        WARNING,
        DONE
    }

    /**
     * One notification.
     *
     * @param job the job to select when the alert is clicked, or null
     * @param deploymentId the deployment to show when the alert is clicked, or null
     * @param jobFailure whether it reports a job that failed, so several can be summed up as "N jobs failed"
     */
    public record Alert(long sequence, Kind kind, String title, String body, JobKey job, String deploymentId, boolean jobFailure,
            Instant shownAt) {

        public boolean hasJob() {
            return job != null;
        }
    }

    /** An alert not shown yet. */
    private record Draft(Kind kind, String title, String body, JobKey job, String deploymentId, boolean jobFailure) {

        static Draft about(Kind kind, String title, String body, String deploymentId) {
            return new Draft(kind, title, body, null, deploymentId, false);
        }
    }

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;](\\s|$)");
    private static final int MAX_BODY = 180;
    private static final int LISTED_IDS = 4;

    private final Clock clock;
    private final Function<String, String> placeOf;
    private final ObservableList<Alert> shown = FXCollections.observableArrayList();
    private final ObservableList<Alert> readOnlyShown = FXCollections.unmodifiableObservableList(shown);
    private final List<Draft> waiting = new ArrayList<>();
    private Instant lastShownAt;
    private long shownCount;
    private final RuleAlerts rules;
    private final AlertRulesViewModel rulesEditor;
    private final Map<String, ConnectionState> connections = new HashMap<>();
    /** The latest state of every job seen, to tell a new failure from one already known. */
    private final Map<JobKey, Job> lastSeen = new HashMap<>();

    /**
     * @param placeOf where a deployment's jobs are, to add to their titles: "" for the local pool,
     *     " on prod" for a deployment called prod
     */
    public AlertsViewModel(Clock clock, Function<String, String> placeOf) {
        this(clock, placeOf, deploymentId -> deploymentId);
    }

    /** @param nameOf a deployment's name, for the alerts the rules raise */
    public AlertsViewModel(Clock clock, Function<String, String> placeOf, Function<String, String> nameOf) {
        this.clock = clock;
        this.placeOf = placeOf;
        this.rules = new RuleAlerts(clock, nameOf);
        this.rulesEditor = new AlertRulesViewModel(rules);
    }

    /** The alert rules, what they raised and what still holds. */
    public RuleAlerts rules() {
        return rules;
    }

    /** The editor of the rules, in the Alerts tab. */
    public AlertRulesViewModel rulesEditor() {
        return rulesEditor;
    }

    /** Reads the rules and past alerts from {@code file} in the background and keeps them there; a failed save is said as an alert. */
    public void keepIn(AlertsFile file, TaskRunner tasks) {
        rules.keepIn(file, tasks, why -> problem("Could not save the alert rules and past alerts", why), rulesEditor::showRules);
    }

    // ---- what the engine reports; shown by the next refresh ----

    /** Takes the jobs' changes and the deployments' warnings from now on, and shows what they raise after each batch. */
    public void listenTo(ConsoleEvents events) {
        events.on(JobChanged.class, (deploymentId, changed) -> jobChanged(deploymentId, changed.job()));
        events.on(Warning.class, this::warning);
        rules.listenTo(events);
        events.afterEachBatch(this::refresh);
    }

    /** Jobs a deployment had when the window started following it: known, so none of them is news. */
    public void knowJobs(String deploymentId, List<Job> jobs) {
        jobs.forEach(job -> lastSeen.merge(new JobKey(deploymentId, job.id()), job, (known, listed) -> JobRow.supersedes(listed, known) ? listed : known));
    }

    /** A job changed; an older state that arrives after a newer one is no news. */
    void jobChanged(String deploymentId, Job job) {
        JobKey key = new JobKey(deploymentId, job.id());
        Job before = lastSeen.get(key);
        if (before != null && !JobRow.supersedes(job, before)) {
            return;
        }
        lastSeen.put(key, job);
        jobChanged(deploymentId, before == null ? null : before.status(), job);
    }

    /** A deployment was removed: what was seen of its jobs goes. */
    public void forget(String deploymentId) {
        lastSeen.keySet().removeIf(key -> key.deploymentId().equals(deploymentId));
        rules.forget(deploymentId);
    }

    /**
     * A job changed from {@code before} (null if it was not known) to {@code job}: alerts for a new
     * failure, and for a job whose worker was lost and which was queued again.
     */
    public void jobChanged(String deploymentId, JobStatus before, Job job) {
        JobKey key = new JobKey(deploymentId, job.id());
        if (job.isTerminal() && before != job.status()) {
            rules.jobEnded(deploymentId, job);
        }
        if (job.status() == JobStatus.FAILED && before != JobStatus.FAILED) {
            waiting.add(failureOf(key, placeOf.apply(deploymentId), job));
        } else if (job.status() == JobStatus.PENDING && before == JobStatus.PROCESSING && startsWith(job.error(), WORKER_LOST)) {
            waiting.add(new Draft(Kind.WORKER_LOST, "Job #" + job.id() + placeOf.apply(deploymentId) + " queued again",
                    firstSentence(job.error()), key, deploymentId, false));
        }
    }

    /**
     * The queue's figures: its length for the queue rule.
     *
     * @param backlogThreshold the queue alert saved with a remote deployment, which it uses in place of the rule's threshold
     */
    public void queueChanged(String deploymentId, QueueFigures figures, int backlogThreshold) {
        rules.queueChanged(deploymentId, figures, backlogThreshold);
    }

    /** The figures when the window opens: a queue already long then fires once it has stayed so for the rule's hold time. */
    public void startFrom(String deploymentId, QueueFigures figures, int backlogThreshold) {
        rules.queueChanged(deploymentId, figures, backlogThreshold);
    }

    /** A deployment lost, busy, or found again; a deployment first seen connected is no news. */
    public void connectionChanged(String deploymentId, String name, ConnectionChanged change) {
        ConnectionState before = connections.put(deploymentId, change.state());
        if (Objects.equals(before, change.state()) || before == null && change.state() == ConnectionState.CONNECTED) {
            return;
        }
        String reason = firstSentence(change.reason());
        switch (change.state()) {
            case DOWN -> waiting.add(Draft.about(Kind.CONNECTION, "Lost contact with " + name, reason, deploymentId));
            case DEGRADED -> waiting.add(Draft.about(Kind.CONNECTION, name + " is answering badly", reason, deploymentId));
            case BUSY -> waiting.add(Draft.about(Kind.BACKLOG, name + " is busy", reason, deploymentId));
            case CONNECTED -> waiting.add(Draft.about(Kind.DONE, name + " is reachable again", "", deploymentId));
        }
    }

    /** Something a deployment wants people to act on soon. */
    public void warning(String deploymentId, Warning warning) {
        waiting.add(Draft.about(Kind.WARNING, warning.title(), warning.detail(), deploymentId));
    }

    // ---- what people asked for; shown at once unless another alert just appeared ----

    @Override
    public void problem(String what, String why) {
        waiting.add(Draft.about(Kind.PROBLEM, what, why == null ? "" : why, null));
        refresh();
    }

    @Override
    public void done(String what) {
        waiting.add(Draft.about(Kind.DONE, what, "", null));
        refresh();
    }

    /** Removes alerts shown long enough, and shows what waits if the last alert is old enough. */
    public void refresh() {
        rules.refresh();
        Instant now = clock.instant();
        shown.removeIf(alert -> !now.isBefore(alert.shownAt().plus(SHOWN_FOR)));
        if (waiting.isEmpty() || lastShownAt != null && now.isBefore(lastShownAt.plus(MIN_GAP))) {
            return;
        }
        Draft draft = waiting.size() == 1 ? waiting.get(0) : summaryOf(waiting);
        waiting.clear();
        lastShownAt = now;
        shown.add(new Alert(++shownCount, draft.kind(), draft.title(), draft.body(), draft.job(), draft.deploymentId(), draft.jobFailure(), now));
        if (shown.size() > MAX_SHOWN) {
            shown.remove(0);
        }
    }

    public void dismiss(Alert alert) {
        shown.remove(alert);
    }

    /** The alerts on screen, oldest first. */
    public ObservableList<Alert> shown() {
        return readOnlyShown;
    }

    /** The title says what became of the job; the body, in the engine's words, why. */
    private static Draft failureOf(JobKey key, String place, Job job) {
        String reason = firstSentence(job.error());
        String failed = "Job #" + job.id() + place + " failed";
        if (startsWith(job.error(), MEMORY_KILL)) {
            return new Draft(Kind.WORKER_KILLED, failed + ": worker out of memory", reason, key, key.deploymentId(), true);
        }
        if (startsWith(job.error(), WORKER_LOST)) {
            return new Draft(Kind.DEAD_LETTER, failed + " for good: worker lost", reason, key, key.deploymentId(), true);
        }
        return new Draft(Kind.JOB_FAILED, failed, reason.isEmpty() ? "No reason was given." : reason, key, key.deploymentId(), true);
    }

    /**
     * Several alerts as one: "5 jobs failed" naming the jobs (and anything else that came with them),
     * or "3 alerts" naming each when none was a failed job.
     */
    private static Draft summaryOf(List<Draft> drafts) {
        Kind kind = drafts.stream().map(Draft::kind).min(Comparator.naturalOrder()).orElseThrow();
        Draft latestWithJob = drafts.stream().filter(draft -> draft.job() != null).reduce((first, second) -> second).orElse(null);
        JobKey job = latestWithJob == null ? null : latestWithJob.job();
        String deploymentId = drafts.stream().map(Draft::deploymentId).filter(Objects::nonNull).reduce((first, second) -> second).orElse(null);
        List<Draft> failures = drafts.stream().filter(Draft::jobFailure).toList();
        List<String> others = drafts.stream().filter(draft -> !draft.jobFailure()).map(Draft::title).toList();
        if (failures.isEmpty()) {
            return new Draft(kind, drafts.size() + " alerts", listed(others) + ".", job, deploymentId, false);
        }
        String title = failures.size() == 1 ? failures.get(0).title() : failures.size() + " jobs failed";
        String jobs = (failures.size() == 1 ? "Job " : "Jobs ") + listed(failures.stream().map(draft -> "#" + draft.job().jobId()).toList());
        String body = others.isEmpty() ? jobs + "." : jobs + " · " + String.join(" · ", others);
        return new Draft(kind, title, body, job, deploymentId, others.isEmpty());
    }

    /** "a, b and c", or "a, b, c, d and 6 more". */
    static String listed(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        if (items.size() <= LISTED_IDS + 1) {
            return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
        }
        return String.join(", ", items.subList(0, LISTED_IDS)) + " and " + (items.size() - LISTED_IDS) + " more";
    }

    /**
     * The first sentence (or clause before a semicolon) of an engine's error, which says what happened;
     * the rest usually says what to do, which the preview shows in full.
     */
    static String firstSentence(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String stripped = text.strip();
        Matcher end = SENTENCE_END.matcher(stripped);
        if (!end.find()) {
            return shortened(stripped);
        }
        char mark = stripped.charAt(end.start());
        return shortened(stripped.substring(0, end.start()) + (mark == ';' ? '.' : mark));
    }

    private static String shortened(String text) {
        return text.length() <= MAX_BODY ? text : text.substring(0, MAX_BODY - 1).stripTrailing() + "…";
    }

    private static boolean startsWith(String text, String prefix) {
        return text != null && text.startsWith(prefix);
    }
}
