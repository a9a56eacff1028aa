package com.intellivision.console.ui.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.QueueFigures;
import org.junit.jupiter.api.Test;

public class QueueHealthViewModelTest {

    private final QueueHealthViewModel queue = shown(new QueueHealthViewModel());

    @Test
    void readsLikeASentenceOfFigures() {
        queue.apply("local", new QueueFigures(12, 2, 30, 1, 0.034, 0));

        assertThat(queue.summary()).isEqualTo("12 pending · 2 running · 30 done/min · 1 failed/min · 3 % failed (15 min)");
        assertThat(queue.countsProperty().get()).isEqualTo("12 pending · 2 running · 30 done/min · 1 failed/min");
        assertThat(queue.failureRateProperty().get()).isEqualTo("3 % failed (15 min)");
        assertThat(queue.alarmingProperty().get()).isFalse();
    }

    @Test
    void aFailureRateOfTwentyPercentOrMoreIsAlarming() {
        queue.apply("local", new QueueFigures(0, 0, 4, 1, 0.199, 0));
        assertThat(queue.alarmingProperty().get()).isFalse();

        queue.apply("local", new QueueFigures(0, 0, 4, 1, 0.20, 0));
        assertThat(queue.alarmingProperty().get()).isTrue();
        assertThat(queue.failureRateProperty().get()).isEqualTo("20 % failed (15 min)");

        queue.apply("local", new QueueFigures(0, 0, 9, 0, 0.1, 0));
        assertThat(queue.alarmingProperty().get()).isFalse();
    }

    @Test
    void aSmallButRealFailureRateDoesNotReadAsNone() {
        queue.apply("local", new QueueFigures(0, 0, 0, 0, 0.002, 0));
        assertThat(queue.failureRateProperty().get()).isEqualTo("<1 % failed (15 min)");

        queue.apply("local", new QueueFigures(0, 0, 0, 0, 0, 0));
        assertThat(queue.failureRateProperty().get()).isEqualTo("0 % failed (15 min)");
    }

    @Test
    void deadLettersAreExplainedInTheDetails() {
        queue.apply("local", new QueueFigures(0, 0, 0, 0, 0, 0));
        assertThat(queue.detailsProperty().get()).doesNotContain("dead letter");

        queue.apply("local", new QueueFigures(0, 0, 0, 0, 0, 2));
        assertThat(queue.detailsProperty().get()).contains("2 jobs failed for good after using up their automatic retries");
    }

    @Test
    void aBrokersQueueIsCountedWhereTheDeploymentReportsIt() {
        queue.apply("local", new QueueFigures(3, 1, 0, 0, 0, 0).withBrokerQueued(42));

        assertThat(queue.countsProperty().get()).isEqualTo("3 pending · 1 running · 0 done/min · 0 failed/min · 42 in broker");
    }

    @Test
    void anotherDeploymentsFiguresShowOnlyOnceItIsShown() {
        queue.apply("prod", new QueueFigures(9, 0, 0, 0, 0.5, 0));
        assertThat(queue.countsProperty().get()).as("nothing known of the local pool yet").isEmpty();

        queue.show("prod");

        assertThat(queue.countsProperty().get()).startsWith("9 pending");
        assertThat(queue.alarmingProperty().get()).isTrue();
    }

    private static QueueHealthViewModel shown(QueueHealthViewModel queue) {
        queue.show("local");
        return queue;
    }
}
