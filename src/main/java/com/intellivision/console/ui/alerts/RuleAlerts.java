package com.intellivision.console.ui.alerts;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.job.EngineEvent.AnswersCounted;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.job.VideoLinks;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.ui.alerts.AlertRule.Kind;
import com.intellivision.console.ui.alerts.RuleEngine.Firing;
import com.intellivision.console.ui.alerts.RuleEngine.Subject;
import com.intellivision.console.ui.common.ConsoleEvents;
import com.intellivision.console.ui.common.Failures;
import com.intellivision.console.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alerts the rules raise: readings of what the rules watch, from the deployments' events, go to the
 * {@link RuleEngine}; what fires is published to the view (which shows it as a notification), kept in
 * the list of past alerts and counted in the status bar while its condition lasts. The rules and the
 * list are kept in {@link AlertsFile} once {@link #keepIn} names one.
 */
public final class RuleAlerts {

    /** Jobs that ended and failed, over the rate window, on one deployment. */
    private record Outcomes(WindowedCounts all, WindowedCounts youTube) {}

    private final Clock clock;
    private final RuleEngine engine;
    private final Function<String, String> nameOf;
    private final Map<String, Outcomes> outcomes = new HashMap<>();
    private final Map<String, WindowedCounts> answers = new HashMap<>();
    private final Map<String, AnswersCounted> lastAnswers = new HashMap<>();
    private final Map<String, Long> memoryLimits = new HashMap<>();
    private final ObservableList<AlertRule> rules = FXCollections.observableArrayList(AlertRule.defaults());
    private final ObservableList<PastAlert> history = FXCollections.observableArrayList();
    private final ObservableList<PastAlert> readOnlyHistory = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyStringWrapper active = new ReadOnlyStringWrapper("");
    private final List<Consumer<PastAlert>> onFired = new ArrayList<>();
    private AlertsFile file;
    private TaskRunner tasks;
    private Consumer<String> problems = problem -> {};

    /** @param nameOf a deployment's name, as the list of past alerts shows it */
    public RuleAlerts(Clock clock, Function<String, String> nameOf) {
        this.clock = clock;
        this.nameOf = nameOf;
        this.engine = new RuleEngine(clock, rules);
    }

    // ---- readings ----

    void listenTo(ConsoleEvents events) {
        events.on(MemorySampled.class, this::memorySampled);
        events.on(WorkerChanged.class, (deploymentId, changed) -> {
            if (changed.worker().state() == WorkerState.DEAD) {
                engine.drop(new Subject(deploymentId, Kind.WORKER_MEMORY, changed.worker().id()));
            }
        });
        events.on(AnswersCounted.class, this::answersCounted);
    }

    /** The memory above which a deployment's workers are stopped, where it has one; memory is watched only there. */
    public void memoryLimit(String deploymentId, OptionalLong limitBytes) {
        limitBytes.ifPresentOrElse(limit -> memoryLimits.put(deploymentId, limit), () -> memoryLimits.remove(deploymentId));
    }

    void memorySampled(String deploymentId, MemorySampled sample) {
        Long limit = memoryLimits.get(deploymentId);
        if (limit != null && limit > 0) {
            engine.observe(new Subject(deploymentId, Kind.WORKER_MEMORY, sample.workerId()), 100.0 * sample.rssBytes() / limit, 0);
        }
    }

    /**
     * The queue's length against the rule's threshold, or on a remote deployment against the level saved
     * with it (the deployment dialog's queue alert).
     */
    void queueChanged(String deploymentId, QueueFigures figures, int deploymentThreshold) {
        Subject subject = new Subject(deploymentId, Kind.QUEUE_LENGTH, "");
        engine.observe(subject, figures.backlog(), 0, isLocal(deploymentId) ? null : (double) deploymentThreshold);
    }

    /** A job reached its end: counted in the failure rates. */
    void jobEnded(String deploymentId, Job job) {
        if (job.status() != JobStatus.COMPLETED && job.status() != JobStatus.FAILED) {
            return;
        }
        Instant now = clock.instant();
        int failed = job.status() == JobStatus.FAILED ? 1 : 0;
        Outcomes counts = outcomes.computeIfAbsent(deploymentId,
                id -> new Outcomes(new WindowedCounts(AlertRule.RATE_WINDOW), new WindowedCounts(AlertRule.RATE_WINDOW)));
        counts.all().add(now, 1, failed);
        if (!isLocal(deploymentId) && VideoLinks.read(job.youtubeUrl()).kind() == VideoLinks.Kind.YOUTUBE_VIDEO) {
            counts.youTube().add(now, 1, failed);
        }
    }

    void answersCounted(String deploymentId, AnswersCounted counted) {
        AnswersCounted before = lastAnswers.get(deploymentId);
        if (before != null && counted.answers() <= before.answers()) {
            // No newer than what was heard: counts only grow.
            return;
        }
        lastAnswers.put(deploymentId, counted);
        long answered = before == null ? counted.answers() : counted.answers() - before.answers();
        long errors = before == null ? counted.serverErrors() : counted.serverErrors() - before.serverErrors();
        answers.computeIfAbsent(deploymentId, id -> new WindowedCounts(AlertRule.RATE_WINDOW)).add(clock.instant(), answered, errors);
    }

    /** A deployment removed: nothing of it is watched any more. */
    void forget(String deploymentId) {
        engine.forget(deploymentId);
        outcomes.remove(deploymentId);
        answers.remove(deploymentId);
        lastAnswers.remove(deploymentId);
        memoryLimits.remove(deploymentId);
        showActive();
    }

    // ---- firing ----

    /** Takes the rates as they are now (old jobs leave the window with time), and publishes what fires. */
    void refresh() {
        Instant now = clock.instant();
        outcomes.forEach((deploymentId, counts) -> {
            rate(deploymentId, Kind.JOB_FAILURE_RATE, counts.all(), now);
            if (!isLocal(deploymentId)) {
                rate(deploymentId, Kind.YOUTUBE_FAILURE_RATE, counts.youTube(), now);
            }
        });
        answers.forEach((deploymentId, counts) -> rate(deploymentId, Kind.HTTP_5XX_RATE, counts, now));
        List<Firing> firings = engine.due();
        for (Firing firing : firings) {
            PastAlert alert = AlertWording.of(firing, nameOf.apply(firing.subject().deploymentId()));
            history.add(alert);
            if (history.size() > AlertsFile.MAX_HISTORY) {
                history.remove(0, history.size() - AlertsFile.MAX_HISTORY);
            }
            onFired.forEach(listener -> listener.accept(alert));
        }
        if (!firings.isEmpty()) {
            save();
        }
        showActive();
    }

    private void rate(String deploymentId, Kind kind, WindowedCounts counts, Instant now) {
        engine.observe(new Subject(deploymentId, kind, ""), counts.percentBad(now), counts.all(now));
    }

    private void showActive() {
        List<Subject> lasting = engine.active();
        active.set(lasting.isEmpty() ? ""
                : lasting.size() == 1 ? AlertWording.activeOne(engine, lasting.get(0), nameOf.apply(lasting.get(0).deploymentId()))
                : lasting.size() + " alerts active");
    }

    /** {@code listener} hears each alert a rule raises, as it fires; for the view, which shows it. */
    public void onFired(Consumer<PastAlert> listener) {
        onFired.add(listener);
    }

    /** The past alerts, oldest first, at most {@link AlertsFile#MAX_HISTORY}. */
    public ObservableList<PastAlert> history() {
        return readOnlyHistory;
    }

    /** What fired and still holds, for the status bar: "Queue longer than 50 on prod", "3 alerts active", or "". */
    public ReadOnlyStringProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    // ---- rules and their file ----

    /** The rules, in the table's order. */
    public List<AlertRule> rules() {
        return List.copyOf(rules);
    }

    /** A rule as people changed it: used from now on, and saved. */
    public void change(AlertRule rule) {
        rules.replaceAll(old -> old.kind() == rule.kind() ? rule : old);
        engine.use(List.of(rule));
        save();
        showActive();
    }

    /**
     * Reads the rules and past alerts from {@code alertsFile} in the background, and saves there from
     * then on, also in the background; {@code problem} hears, for people, why a save failed.
     */
    public void keepIn(AlertsFile alertsFile, TaskRunner runner, Consumer<String> problem, Runnable loaded) {
        this.tasks = runner;
        this.problems = problem;
        runner.run(alertsFile::load, contents -> {
            file = alertsFile;
            rules.setAll(contents.rules());
            engine.use(contents.rules());
            // Alerts that fired while the file was read come after those it kept.
            List<PastAlert> all = new ArrayList<>(contents.history());
            all.addAll(history);
            history.setAll(all.subList(Math.max(0, all.size() - AlertsFile.MAX_HISTORY), all.size()));
            loaded.run();
        }, failure -> problem.accept(Failures.messageOf(failure)));
    }

    private void save() {
        if (file == null) {
            return;
        }
        file.offer(new AlertsFile.Contents(List.copyOf(rules), List.copyOf(history)));
        tasks.perform(file::writeLatest, () -> {}, failure -> problems.accept(Failures.messageOf(failure)));
    }

    AlertRule rule(Kind kind) {
        return engine.rule(kind);
    }

    private static boolean isLocal(String deploymentId) {
        return Deployment.LOCAL_ID.equals(deploymentId);
    }
}
