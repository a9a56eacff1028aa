package com.intellivision.console.ui.alerts;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.QueueFigures;
import com.intellivision.console.ui.alerts.AlertRule.Kind;
import com.intellivision.console.ui.alerts.AlertsFile.Contents;
import com.intellivision.console.ui.common.MutableClock;
import com.intellivision.console.ui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsFileTest {

    @TempDir
    Path dataDir;

    @Test
    void editedRulesAndPastAlertsSurviveARestart() {
        MutableClock clock = new MutableClock(T0);
        List<String> problems = new ArrayList<>();
        TaskRunner direct = new TaskRunner(Runnable::run, Runnable::run);
        RuleAlerts before = new RuleAlerts(clock, id -> "Local pool");
        before.keepIn(AlertsFile.in(dataDir), direct, problems::add, () -> {});
        before.change(Kind.QUEUE_LENGTH.byDefault().withThreshold(10).withHoldSeconds(0).withCooldownSeconds(60));
        before.change(Kind.HTTP_5XX_RATE.byDefault().withEnabled(false).withMinJobs(200));
        before.queueChanged("local", new QueueFigures(12, 0, 0, 0, 0, 0), 100);
        before.refresh();
        assertThat(before.history()).hasSize(1);

        RuleAlerts after = new RuleAlerts(clock, id -> "Local pool");
        after.keepIn(AlertsFile.in(dataDir), direct, problems::add, () -> {});

        assertThat(after.rules()).isEqualTo(before.rules());
        assertThat(after.rule(Kind.QUEUE_LENGTH).threshold()).isEqualTo(10);
        assertThat(after.rule(Kind.HTTP_5XX_RATE).enabled()).isFalse();
        assertThat(after.rule(Kind.HTTP_5XX_RATE).minJobs()).isEqualTo(200);
        assertThat(after.history()).singleElement().satisfies(alert -> {
            assertThat(alert.rule()).isEqualTo("Queue longer than 10");
            assertThat(alert.value()).isEqualTo("12 jobs");
            assertThat(alert.at()).isEqualTo(T0);
            assertThat(alert.deploymentId()).isEqualTo("local");
        });
        assertThat(problems).isEmpty();

        after.queueChanged("local", new QueueFigures(12, 0, 0, 0, 0, 0), 100);
        after.refresh();
        assertThat(after.history()).as("the reloaded rule, hold 0, fires in the new run").hasSize(2);
    }

    @Test
    void theHistoryKeepsTheLatestFiveHundred() {
        AlertsFile file = AlertsFile.in(dataDir);
        List<PastAlert> many = IntStream.range(0, 520)
                .mapToObj(i -> new PastAlert(T0.plusSeconds(i), "local", "Local pool", "Queue longer than 50", "Alert " + i, i + " jobs"))
                .toList();
        file.save(new Contents(AlertRule.defaults(), many));

        List<PastAlert> kept = file.load().history();

        assertThat(kept).hasSize(AlertsFile.MAX_HISTORY);
        assertThat(kept.get(0).message()).isEqualTo("Alert 20");
        assertThat(kept.get(kept.size() - 1).message()).isEqualTo("Alert 519");
    }

    @Test
    void aMissingOrUnreadableFileGivesTheDefaultsAndARuleMissingOrOutOfRangeGetsItsDefault() throws Exception {
        AlertsFile file = AlertsFile.in(dataDir);
        assertThat(file.load()).isEqualTo(Contents.DEFAULTS);

        Files.writeString(file.path(), "{ not json");
        assertThat(file.load()).isEqualTo(Contents.DEFAULTS);

        Files.writeString(file.path(), """
                {"rules": [{"kind": "QUEUE_LENGTH", "enabled": true, "threshold": 7, "hold_seconds": 5, "cooldown_seconds": 9, "min_jobs": 0},
                           {"kind": "JOB_FAILURE_RATE", "enabled": true, "threshold": 5, "hold_seconds": -30, "cooldown_seconds": 9, "min_jobs": 0}],
                 "history": []}
                """);
        List<AlertRule> rules = file.load().rules();
        assertThat(rules).extracting(AlertRule::kind).containsExactly(Kind.values());
        assertThat(rules.get(Kind.QUEUE_LENGTH.ordinal())).isEqualTo(new AlertRule(Kind.QUEUE_LENGTH, true, 7, 5, 9, 0));
        assertThat(rules.get(Kind.WORKER_MEMORY.ordinal())).isEqualTo(Kind.WORKER_MEMORY.byDefault());
        assertThat(rules.get(Kind.JOB_FAILURE_RATE.ordinal())).as("a negative hold time").isEqualTo(Kind.JOB_FAILURE_RATE.byDefault());
    }
}
