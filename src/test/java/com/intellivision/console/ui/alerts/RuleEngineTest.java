package com.intellivision.console.ui.alerts;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.ui.alerts.AlertRule.Kind;
import com.intellivision.console.ui.alerts.RuleEngine.Firing;
import com.intellivision.console.ui.alerts.RuleEngine.Subject;
import com.intellivision.console.ui.common.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

    private static final Subject QUEUE = new Subject("local", Kind.QUEUE_LENGTH, "");
    private static final Subject FAILURES = new Subject("prod", Kind.JOB_FAILURE_RATE, "");

    private final MutableClock clock = new MutableClock(T0);
    private final RuleEngine engine = new RuleEngine(clock, AlertRule.defaults());

    @Test
    void theDefaultsAreTheSeedSystemsThresholds() {
        assertThat(AlertRule.defaults()).extracting(AlertRule::describe).containsExactly(
                "Worker memory above 80 % of its limit", "Queue longer than 50", "Job failure rate above 5 %",
                "HTTP 5xx rate above 1 %", "YouTube job failure rate above 5 %");
        assertThat(engine.rule(Kind.QUEUE_LENGTH).hold()).isEqualTo(Duration.ofSeconds(30));
        assertThat(engine.rule(Kind.QUEUE_LENGTH).cooldown()).isEqualTo(Duration.ofMinutes(5));
        assertThat(engine.rule(Kind.JOB_FAILURE_RATE).minJobs()).isEqualTo(20);
    }

    @Test
    void aRuleFiresOnlyOnceItsConditionHasLastedTheHoldTime() {
        engine.observe(QUEUE, 60, 0);
        assertThat(engine.due()).isEmpty();

        clock.advance(Duration.ofSeconds(29));
        engine.observe(QUEUE, 75, 0);
        assertThat(engine.due()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        List<Firing> fired = engine.due();
        assertThat(fired).singleElement().satisfies(firing -> {
            assertThat(firing.subject()).isEqualTo(QUEUE);
            assertThat(firing.value()).isEqualTo(75);
            assertThat(firing.heldFor()).isEqualTo(Duration.ofSeconds(30));
            assertThat(firing.at()).isEqualTo(T0.plusSeconds(30));
        });
    }

    @Test
    void aConditionThatEndsBeforeTheHoldTimeStartsAgainFromZero() {
        engine.observe(QUEUE, 60, 0);
        clock.advance(Duration.ofSeconds(20));
        engine.observe(QUEUE, 50, 0);
        clock.advance(Duration.ofSeconds(5));
        engine.observe(QUEUE, 60, 0);
        clock.advance(Duration.ofSeconds(29));

        assertThat(engine.due()).as("20 s, then 29 s: neither spell lasted 30 s").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(engine.due()).hasSize(1);
    }

    @Test
    void aRuleDoesNotFireAgainWithinItsCooldownNorTwiceInOneSpell() {
        engine.observe(QUEUE, 60, 0);
        clock.advance(Duration.ofSeconds(30));
        assertThat(engine.due()).hasSize(1);

        clock.advance(Duration.ofMinutes(10));
        assertThat(engine.due()).as("the same spell, long after").isEmpty();

        engine.observe(QUEUE, 10, 0);
        clock.advance(Duration.ofSeconds(1));
        engine.observe(QUEUE, 60, 0);
        clock.advance(Duration.ofSeconds(30));
        assertThat(engine.due()).as("a new spell, past the cooldown of the last firing").hasSize(1);

        engine.observe(QUEUE, 10, 0);
        engine.observe(QUEUE, 60, 0);
        clock.advance(Duration.ofSeconds(30));
        assertThat(engine.due()).as("a new spell within the cooldown").isEmpty();

        clock.advance(Duration.ofSeconds(300 - 30 - 1));
        assertThat(engine.due()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(engine.due()).as("once the cooldown is over, the spell that went on fires").hasSize(1);
    }

    @Test
    void aRateRuleIsSilentBelowItsMinimumOfJobs() {
        engine.observe(FAILURES, 50, 19);
        clock.advance(Duration.ofMinutes(1));
        assertThat(engine.due()).isEmpty();

        engine.observe(FAILURES, 50, 20);
        assertThat(engine.due()).as("the hold time starts when there are enough jobs").isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(engine.due()).singleElement().satisfies(firing -> assertThat(firing.jobs()).isEqualTo(20));
    }

    @Test
    void anActiveAlertClearsWhenItsConditionEnds() {
        engine.observe(QUEUE, 60, 0);
        clock.advance(Duration.ofSeconds(30));
        engine.due();
        assertThat(engine.active()).containsExactly(QUEUE);

        engine.observe(QUEUE, 40, 0);

        assertThat(engine.active()).isEmpty();
    }

    @Test
    void aHoldTimeOfZeroFiresAtTheFirstReading() {
        engine.use(List.of(Kind.QUEUE_LENGTH.byDefault().withHoldSeconds(0)));

        engine.observe(QUEUE, 51, 0);

        assertThat(engine.due()).singleElement().satisfies(firing -> assertThat(firing.heldFor()).isZero());
    }

    @Test
    void anEditedRuleJudgesTheLatestReadingAgainAndADisabledOneNeverFires() {
        engine.observe(QUEUE, 40, 0);
        engine.use(List.of(Kind.QUEUE_LENGTH.byDefault().withThreshold(30)));
        clock.advance(Duration.ofSeconds(30));
        assertThat(engine.due()).as("40 is above the new threshold").hasSize(1);

        engine.use(List.of(Kind.QUEUE_LENGTH.byDefault().withThreshold(30).withEnabled(false)));
        assertThat(engine.active()).isEmpty();
        engine.observe(QUEUE, 500, 0);
        clock.advance(Duration.ofHours(1));
        assertThat(engine.due()).isEmpty();
    }

    @Test
    void aSubjectsOwnThresholdTakesThePlaceOfTheRules() {
        Subject remoteQueue = new Subject("prod", Kind.QUEUE_LENGTH, "");
        engine.observe(remoteQueue, 80, 0, 100.0);
        clock.advance(Duration.ofMinutes(1));
        assertThat(engine.due()).isEmpty();

        engine.observe(remoteQueue, 101, 0, 100.0);
        clock.advance(Duration.ofSeconds(30));
        assertThat(engine.due()).singleElement().satisfies(firing -> assertThat(firing.rule().describe()).isEqualTo("Queue longer than 100"));
    }

    @Test
    void eachWorkerIsWatchedOnItsOwn() {
        Subject w1 = new Subject("local", Kind.WORKER_MEMORY, "w1");
        Subject w2 = new Subject("local", Kind.WORKER_MEMORY, "w2");
        engine.observe(w1, 85, 0);
        clock.advance(Duration.ofSeconds(20));
        engine.observe(w2, 90, 0);
        clock.advance(Duration.ofSeconds(10));

        assertThat(engine.due()).extracting(firing -> firing.subject().name()).containsExactly("w1");
        clock.advance(Duration.ofSeconds(20));
        assertThat(engine.due()).extracting(firing -> firing.subject().name()).containsExactly("w2");
    }
}
