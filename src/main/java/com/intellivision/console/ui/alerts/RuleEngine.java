package com.intellivision.console.ui.alerts;

import com.intellivision.console.ui.alerts.AlertRule.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides when the alert rules fire, from readings of what they watch. Each rule is watched per
 * deployment and subject (a worker, for memory): a condition that holds starts a spell; once the
 * spell has lasted the rule's hold time the rule fires, once per spell, and never within its cooldown
 * of the last firing for the same subject. A reading below the threshold ends the spell, and the
 * alert is no longer active. Time comes from the clock, so tests drive it.
 */
public final class RuleEngine {

    /** What a rule watches on one deployment: its worker for memory, "" for the rest. */
    public record Subject(String deploymentId, Kind kind, String name) {}

    /**
     * A rule that fired.
     *
     * @param value the latest reading, in the rule's unit
     * @param jobs for a rate, how many jobs (or answers) the window held
     * @param heldFor how long the condition had held
     */
    public record Firing(AlertRule rule, Subject subject, double value, long jobs, Duration heldFor, Instant at) {}

    /** One subject's latest reading and spell. */
    private static final class Condition {
        double value;
        long jobs;
        /** A threshold of the subject's own in place of the rule's, or null. */
        Double ownThreshold;
        /** When the current spell began; null while the condition does not hold. */
        Instant since;
        boolean firedThisSpell;
        Instant lastFired;
    }

    private final Clock clock;
    private final Map<Kind, AlertRule> rules = new EnumMap<>(Kind.class);
    private final Map<Subject, Condition> conditions = new LinkedHashMap<>();

    public RuleEngine(Clock clock, List<AlertRule> rules) {
        this.clock = clock;
        use(rules);
    }

    /** Rules changed: each spell is judged again by its latest reading, keeping when it began if it still holds. */
    public void use(List<AlertRule> changed) {
        changed.forEach(rule -> rules.put(rule.kind(), rule));
        conditions.forEach((subject, condition) -> judge(subject, condition));
    }

    public AlertRule rule(Kind kind) {
        return rules.getOrDefault(kind, kind.byDefault());
    }

    /** The latest reading of {@code subject}; {@code jobs} counts what a rate was taken over (0 for others). */
    public void observe(Subject subject, double value, long jobs) {
        observe(subject, value, jobs, null);
    }

    /** As above, against {@code ownThreshold} rather than the rule's where it is not null; hold, cooldown and on/off stay the rule's. */
    public void observe(Subject subject, double value, long jobs, Double ownThreshold) {
        Condition condition = conditions.computeIfAbsent(subject, key -> new Condition());
        condition.value = value;
        condition.jobs = jobs;
        condition.ownThreshold = ownThreshold;
        judge(subject, condition);
    }

    /** The rule as it applies to {@code subject}: with the subject's own threshold where it has one. */
    public AlertRule ruleFor(Subject subject) {
        Condition condition = conditions.get(subject);
        AlertRule rule = rule(subject.kind());
        return condition == null || condition.ownThreshold == null ? rule : rule.withThreshold(condition.ownThreshold);
    }

    private void judge(Subject subject, Condition condition) {
        if (ruleFor(subject).holdsFor(condition.value, condition.jobs)) {
            if (condition.since == null) {
                condition.since = clock.instant();
            }
        } else {
            condition.since = null;
            condition.firedThisSpell = false;
        }
    }

    /** The rules whose hold time is over now and whose cooldown is not, each once per spell. */
    public List<Firing> due() {
        Instant now = clock.instant();
        List<Firing> firings = new ArrayList<>();
        conditions.forEach((subject, condition) -> {
            AlertRule rule = ruleFor(subject);
            if (condition.since == null || condition.firedThisSpell) {
                return;
            }
            Duration held = Duration.between(condition.since, now);
            boolean cooling = condition.lastFired != null && now.isBefore(condition.lastFired.plus(rule.cooldown()));
            if (held.compareTo(rule.hold()) >= 0 && !cooling) {
                condition.firedThisSpell = true;
                condition.lastFired = now;
                firings.add(new Firing(rule, subject, condition.value, condition.jobs, held, now));
            }
        });
        return firings;
    }

    /** The subjects whose rule fired and whose condition still holds, in the order they were first seen. */
    public List<Subject> active() {
        return conditions.entrySet().stream().filter(entry -> entry.getValue().firedThisSpell).map(Map.Entry::getKey).toList();
    }

    /** Stops watching a subject that is gone, such as a worker that ended; its alert is no longer active. */
    public void drop(Subject subject) {
        conditions.remove(subject);
    }

    /** Everything of a deployment that was removed. */
    public void forget(String deploymentId) {
        conditions.keySet().removeIf(subject -> subject.deploymentId().equals(deploymentId));
    }
}
