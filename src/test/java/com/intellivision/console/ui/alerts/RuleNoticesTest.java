package com.intellivision.console.ui.alerts;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bar's wording: the rule and where, what happened, and how many more fired at the same moment. */
class RuleNoticesTest {

    private final PastAlert queue = new PastAlert(T0, "local", "Local pool", "Queue longer than 50", "73 jobs wait for 30 s.", "73 jobs");

    @Test
    void oneAlertNamesItsRuleAndDeploymentThenWhatHappened() {
        assertThat(RuleNotices.text(queue, 0)).isEqualTo("Queue longer than 50 on Local pool: 73 jobs wait for 30 s.");
    }

    @Test
    void alertsRaisedAtTheSameMomentAreCountedAndPointedTo() {
        assertThat(RuleNotices.text(queue, 1)).endsWith("73 jobs wait for 30 s. (1 more alert in the Alerts tab)");
        assertThat(RuleNotices.text(queue, 3)).endsWith("(3 more alerts in the Alerts tab)");
    }
}
