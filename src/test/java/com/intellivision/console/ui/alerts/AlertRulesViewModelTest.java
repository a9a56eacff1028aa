package com.intellivision.console.ui.alerts;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.ui.alerts.AlertRule.Kind;
import com.intellivision.console.ui.alerts.AlertRulesViewModel.Row;
import com.intellivision.console.ui.common.MutableClock;
import org.junit.jupiter.api.Test;

class AlertRulesViewModelTest {

    private final RuleAlerts rules = new RuleAlerts(new MutableClock(T0), id -> id);
    private final AlertRulesViewModel editor = new AlertRulesViewModel(rules);

    private Row row(Kind kind) {
        return editor.rows().stream().filter(row -> row.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void eachRuleShowsItsValuesAndOnlyRatesAMinimumOfJobs() {
        assertThat(editor.rows()).extracting(Row::title).containsExactly("Worker memory", "Queue length", "Job failure rate",
                "HTTP 5xx rate (remote)", "YouTube job failure rate (remote)");
        Row failures = row(Kind.JOB_FAILURE_RATE);
        assertThat(failures.threshold().textProperty().get()).isEqualTo("5");
        assertThat(failures.holdSeconds().textProperty().get()).isEqualTo("30");
        assertThat(failures.cooldownSeconds().textProperty().get()).isEqualTo("300");
        assertThat(failures.minJobs().textProperty().get()).isEqualTo("20");
        assertThat(failures.hasMinJobs()).isTrue();
        assertThat(row(Kind.QUEUE_LENGTH).hasMinJobs()).isFalse();
    }

    @Test
    void whatIsNoGoodValueIsRefusedWithItsReasonAndTheRuleKeepsItsLastGoodOne() {
        Row memory = row(Kind.WORKER_MEMORY);

        memory.threshold().textProperty().set("120");
        assertThat(memory.threshold().problemProperty().get()).isEqualTo("A percentage goes up to 100.");
        memory.threshold().textProperty().set("");
        assertThat(memory.threshold().problemProperty().get()).isEqualTo("Type a number.");
        memory.threshold().textProperty().set("NaN");
        assertThat(memory.threshold().problemProperty().get()).isEqualTo("'NaN' is not a number.");
        memory.cooldownSeconds().textProperty().set("-60");
        assertThat(memory.cooldownSeconds().problemProperty().get()).isEqualTo("Cannot be negative.");
        assertThat(rules.rule(Kind.WORKER_MEMORY)).isEqualTo(Kind.WORKER_MEMORY.byDefault());

        memory.threshold().textProperty().set(" 92.5 ");
        memory.cooldownSeconds().textProperty().set("600");

        assertThat(memory.threshold().problemProperty().get()).isEmpty();
        assertThat(rules.rule(Kind.WORKER_MEMORY).threshold()).isEqualTo(92.5);
        assertThat(rules.rule(Kind.WORKER_MEMORY).cooldownSeconds()).isEqualTo(600);
        assertThat(rules.rules().get(Kind.WORKER_MEMORY.ordinal()).describe()).isEqualTo("Worker memory above 92.5 % of its limit");
    }

    @Test
    void aQueueMayBeLongerThanAHundredAndAMinimumOfJobsIsWhole() {
        row(Kind.QUEUE_LENGTH).threshold().textProperty().set("250");
        assertThat(rules.rule(Kind.QUEUE_LENGTH).threshold()).isEqualTo(250);

        Row errors = row(Kind.HTTP_5XX_RATE);
        errors.minJobs().textProperty().set("12.5");
        assertThat(errors.minJobs().problemProperty().get()).isEqualTo("Whole jobs only, such as 30.");
        errors.minJobs().textProperty().set("100");
        assertThat(rules.rule(Kind.HTTP_5XX_RATE).minJobs()).isEqualTo(100);
    }

    @Test
    void rulesReadFromTheFileAreShownWithoutBeingTakenForEdits() {
        rules.change(Kind.QUEUE_LENGTH.byDefault().withThreshold(7));
        row(Kind.QUEUE_LENGTH).threshold().textProperty().set("oops");

        editor.showRules();

        assertThat(row(Kind.QUEUE_LENGTH).threshold().textProperty().get()).isEqualTo("7");
        assertThat(row(Kind.QUEUE_LENGTH).threshold().problemProperty().get()).as("the refused text is gone").isEmpty();
        assertThat(rules.rule(Kind.QUEUE_LENGTH).threshold()).isEqualTo(7);
    }
}
