package com.intellivision.console.ui.alerts;

import com.intellivision.console.ui.alerts.AlertRule.Kind;
import com.intellivision.console.ui.common.PlainNumber;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The rules editor: one row per rule, each number typed as text. A value that is not a number, or is
 * out of range, is refused where it was typed, with the reason, and the rule keeps its last good
 * value; a good value applies at once and is saved.
 */
public final class AlertRulesViewModel {

    /** A number people type, with why it was refused, if it was. */
    public static final class NumberField {

        private final StringProperty text = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

        public StringProperty textProperty() {
            return text;
        }

        /** Empty while the text is a good value. */
        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }
    }

    /** One rule as the editor shows it. */
    public final class Row {

        private final Kind kind;
        private final BooleanProperty enabled = new SimpleBooleanProperty();
        private final NumberField threshold = new NumberField();
        private final NumberField holdSeconds = new NumberField();
        private final NumberField cooldownSeconds = new NumberField();
        private final NumberField minJobs = new NumberField();

        private Row(Kind kind) {
            this.kind = kind;
            enabled.addListener((property, before, on) -> apply(rule -> rule.withEnabled(on)));
            listen(threshold, text -> thresholdOf(kind, text), AlertRule::withThreshold);
            listen(holdSeconds, text -> (double) whole(text, "seconds"), (rule, value) -> rule.withHoldSeconds(value.longValue()));
            listen(cooldownSeconds, text -> (double) whole(text, "seconds"), (rule, value) -> rule.withCooldownSeconds(value.longValue()));
            listen(minJobs, AlertRulesViewModel::jobsOf, (rule, value) -> rule.withMinJobs(value.intValue()));
        }

        private void listen(NumberField field, Function<String, Double> parse, BiFunction<AlertRule, Double, AlertRule> change) {
            field.text.addListener((property, before, text) -> {
                if (showing) {
                    return;
                }
                try {
                    double value = parse.apply(text);
                    field.problem.set("");
                    apply(rule -> change.apply(rule, value));
                } catch (RefusedValue refused) {
                    field.problem.set(refused.getMessage());
                }
            });
        }

        private void apply(Function<AlertRule, AlertRule> change) {
            if (!showing) {
                rules.change(change.apply(rules.rule(kind)));
            }
        }

        private void show(AlertRule rule) {
            enabled.set(rule.enabled());
            threshold.text.set(PlainNumber.format(rule.threshold()));
            holdSeconds.text.set(Long.toString(rule.holdSeconds()));
            cooldownSeconds.text.set(Long.toString(rule.cooldownSeconds()));
            minJobs.text.set(Integer.toString(rule.minJobs()));
            List.of(threshold, holdSeconds, cooldownSeconds, minJobs).forEach(field -> field.problem.set(""));
        }

        public Kind kind() {
            return kind;
        }

        /** What the rule watches, and where. */
        public String title() {
            return kind.title() + (kind.remoteOnly() ? " (remote)" : "");
        }

        public String unit() {
            return kind.unit();
        }

        /** Only a rate needs a minimum of jobs. */
        public boolean hasMinJobs() {
            return kind.isRate();
        }

        public BooleanProperty enabledProperty() {
            return enabled;
        }

        public NumberField threshold() {
            return threshold;
        }

        public NumberField holdSeconds() {
            return holdSeconds;
        }

        public NumberField cooldownSeconds() {
            return cooldownSeconds;
        }

        public NumberField minJobs() {
            return minJobs;
        }
    }

    /** Why a typed value is refused, in words for people. */
    private static final class RefusedValue extends RuntimeException {
        RefusedValue(String reason) {
            super(reason, null, false, false);
        }
    }

    private final RuleAlerts rules;
    private final List<Row> rows;
    /** Set while rows show the rules as they are, so showing is not taken for editing. */
    private boolean showing;

    public AlertRulesViewModel(RuleAlerts rules) {
        this.rules = rules;
        this.rows = rules.rules().stream().map(rule -> new Row(rule.kind())).toList();
        showRules();
    }

    /** Shows the rules as they are now, as after they were read from the file. */
    public void showRules() {
        showing = true;
        try {
            rows.forEach(row -> row.show(rules.rule(row.kind)));
        } finally {
            showing = false;
        }
    }

    public List<Row> rows() {
        return rows;
    }

    private static double thresholdOf(Kind kind, String text) {
        double value = number(text);
        if (value < 0) {
            throw new RefusedValue("Cannot be negative.");
        }
        if (kind != Kind.QUEUE_LENGTH && value > 100) {
            throw new RefusedValue("A percentage goes up to 100.");
        }
        return value;
    }

    private static double jobsOf(String text) {
        long jobs = whole(text, "jobs");
        if (jobs > Integer.MAX_VALUE) {
            throw new RefusedValue("That is more jobs than a window holds.");
        }
        return jobs;
    }

    private static long whole(String text, String what) {
        double value = number(text);
        if (value < 0) {
            throw new RefusedValue("Cannot be negative.");
        }
        if (value != Math.rint(value)) {
            throw new RefusedValue("Whole " + what + " only, such as 30.");
        }
        return (long) value;
    }

    private static double number(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            throw new RefusedValue("Type a number.");
        }
        try {
            double value = Double.parseDouble(typed);
            if (!Double.isFinite(value)) {
                throw new RefusedValue("'" + typed + "' is not a number.");
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw new RefusedValue("'" + typed + "' is not a number.");
        }
    }
}
