package com.intellivision.console.ui.common;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleEventsTest {

    private final ConsoleEvents events = new ConsoleEvents();
    private final List<String> heard = new ArrayList<>();

    @Test
    void eachHandlerHearsItsKindInOrderAndFollowersRunOnceABatch() {
        events.on(JobProgress.class, (deploymentId, progress) -> heard.add("first " + deploymentId + " " + progress.percentage()));
        events.on(JobProgress.class, (deploymentId, progress) -> heard.add("second " + deploymentId + " " + progress.percentage()));
        events.on(JobChanged.class, (deploymentId, changed) -> heard.add("job " + changed.job().id()));
        events.afterEachBatch(() -> heard.add("after"));

        events.deliver(List.of(new SourcedEvent("local", new JobProgress(1, 10, "decoding")),
                new SourcedEvent("prod", new MemorySampled("w1", 1, 1, T0)),
                new SourcedEvent("prod", new JobChanged(Jobs.completedFrame(4, T0, T0.plusSeconds(1)))),
                new SourcedEvent("prod", new JobProgress(2, 20, "decoding"))));

        assertThat(heard).containsExactly("first local 10.0", "second local 10.0", "job 4", "first prod 20.0", "second prod 20.0", "after");
    }

    @Test
    void aBatchNobodyListensToStillEndsWithTheFollowers() {
        events.afterEachBatch(() -> heard.add("after"));

        events.deliver(List.of(new SourcedEvent("local", new MemorySampled("w1", 1, 1, T0))));

        assertThat(heard).containsExactly("after");
    }
}
