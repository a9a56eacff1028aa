package com.intellivision.console.ui.shell;

import static com.intellivision.console.ui.common.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent.JobChanged;
import com.intellivision.console.job.EngineEvent.JobProgress;
import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.EngineEvent.WorkerChanged;
import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.ProgressDetails;
import com.intellivision.console.job.WorkerInfo;
import com.intellivision.console.job.WorkerState;
import com.intellivision.console.ui.common.Jobs;
import com.intellivision.console.ui.common.SourcedEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

public class EventBatchesTest {

    @Test
    void keepsOnlyTheLatestProgressPerJobAndSamplePerWorker() {
        JobChanged started = new JobChanged(Jobs.processing(1, T0, T0));
        JobProgress firstOfJob1 = new JobProgress(1, 10, "seeking");
        JobProgress onlyOfJob2 = new JobProgress(2, 50, "decoding");
        MemorySampled firstOfWorker1 = new MemorySampled("w1", 100, 1_000, T0);
        JobProgress lastOfJob1 = new JobProgress(1, 80, "decoding");
        MemorySampled lastOfWorker1 = new MemorySampled("w1", 100, 2_000, T0.plusSeconds(1));
        JobChanged finished = new JobChanged(Jobs.completedFrame(1, T0, T0.plusSeconds(2)));

        List<EngineEvent> kept = coalesced(started, firstOfJob1, onlyOfJob2, firstOfWorker1, lastOfJob1, lastOfWorker1, finished);

        assertThat(kept).containsExactly(started, onlyOfJob2, lastOfJob1, lastOfWorker1, finished);
    }

    @Test
    void aReportWithAPreviewImageIsNotHiddenByPlainOnesAfterIt() {
        JobProgress thumbnail = new JobProgress(1, 5, "resolved", ProgressDetails.preview("https://i.ytimg.com/vi/a/hq.jpg"));
        JobProgress seeking = new JobProgress(1, 40, "seeking");
        JobProgress decoding = new JobProgress(1, 80, "decoding");

        assertThat(coalesced(thumbnail, seeking, decoding)).containsExactly(thumbnail, decoding);

        JobProgress newerThumbnail = new JobProgress(1, 90, "counting people", ProgressDetails.preview("https://i.ytimg.com/vi/a/hq2.jpg"));
        assertThat(coalesced(thumbnail, seeking, newerThumbnail)).containsExactly(newerThumbnail);
    }

    @Test
    void keepsEveryJobAndWorkerChangeInOrder() {
        WorkerInfo idle = WorkerInfo.single("w1", 100, WorkerState.IDLE, WorkerInfo.NO_JOB, 0, 0);
        List<EngineEvent> batch = List.of(
                new JobChanged(Jobs.pending(1, T0)),
                new WorkerChanged(idle),
                new JobChanged(Jobs.processing(1, T0, T0.plusSeconds(1))),
                new WorkerChanged(WorkerInfo.single("w1", 100, WorkerState.BUSY, 1, 0, 0)),
                new JobChanged(Jobs.completedFrame(1, T0, T0.plusSeconds(2))),
                new WorkerChanged(idle));

        assertThat(coalesced(batch.toArray(EngineEvent[]::new))).containsExactlyElementsOf(batch);
    }

    @Test
    void theSameJobOrWorkerOfTwoDeploymentsIsTwoThings() {
        List<SourcedEvent> batch = List.of(
                new SourcedEvent("local", new JobProgress(1, 10, "decoding")),
                new SourcedEvent("prod", new JobProgress(1, 20, "decoding")),
                new SourcedEvent("local", new MemorySampled("w1", 100, 1_000, T0)),
                new SourcedEvent("prod", new MemorySampled("w1", 200, 2_000, T0)));

        assertThat(EventBatches.coalesce(batch)).containsExactlyElementsOf(batch);
    }

    @Test
    void theBridgeDeliversABurstAsOneBatchOnTheUiThread() {
        Queue<Runnable> uiThread = new ArrayDeque<>();
        List<List<SourcedEvent>> delivered = new ArrayList<>();
        FxEventBridge bridge = new FxEventBridge(uiThread::add, delivered::add, () -> { });

        for (int percent = 1; percent <= 100; percent++) {
            bridge.listenerFor("local").accept(new JobProgress(1, percent, "decoding"));
        }
        bridge.listenerFor("local").accept(new JobChanged(Jobs.completedFrame(1, T0, T0.plusSeconds(2))));

        assertThat(uiThread).as("one task for the whole burst").hasSize(1);
        assertThat(delivered).as("nothing before the UI thread runs").isEmpty();

        uiThread.poll().run();

        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0)).containsExactly(
                new SourcedEvent("local", new JobProgress(1, 100, "decoding")),
                new SourcedEvent("local", new JobChanged(Jobs.completedFrame(1, T0, T0.plusSeconds(2)))));
    }

    @Test
    void theBridgeSchedulesAgainForEventsAfterADrain() {
        Queue<Runnable> uiThread = new ArrayDeque<>();
        List<List<SourcedEvent>> delivered = new ArrayList<>();
        FxEventBridge bridge = new FxEventBridge(uiThread::add, delivered::add, () -> { });

        bridge.listenerFor("local").accept(new JobChanged(Jobs.pending(1, T0)));
        uiThread.poll().run();
        bridge.listenerFor("local").accept(new JobChanged(Jobs.pending(2, T0)));

        assertThat(uiThread).hasSize(1);
        uiThread.poll().run();
        assertThat(delivered).hasSize(2);
    }

    @Test
    void aBurstLongerThanASliceLeavesTheRestToATaskAfterThePulse() {
        Queue<Runnable> uiThread = new ArrayDeque<>();
        List<List<SourcedEvent>> delivered = new ArrayList<>();
        AtomicLong now = new AtomicLong();
        AtomicInteger tasksDone = new AtomicInteger();
        // Each part handed over takes 5 ms of the 8 ms slice.
        FxEventBridge bridge = new FxEventBridge(uiThread::add, part -> {
            delivered.add(List.copyOf(part));
            now.addAndGet(5_000_000);
        }, tasksDone::incrementAndGet, now::get);
        List<SourcedEvent> changes = new ArrayList<>();
        for (long id = 1; id <= 2 * FxEventBridge.EVENTS_PER_LOOK; id++) {
            changes.add(new SourcedEvent("local", new JobChanged(Jobs.pending(id, T0))));
        }
        changes.forEach(bridge::accept);
        bridge.accept(new SourcedEvent("local", new JobProgress(99, 10, "decoding")));

        uiThread.poll().run();

        assertThat(delivered).as("two parts fit the slice: one at 0 ms, one at 5 ms").hasSize(2);
        assertThat(delivered.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(changes);
        assertThat(tasksDone).hasValue(1);
        assertThat(uiThread).as("the rest has a task of its own").hasSize(1);

        bridge.accept(new SourcedEvent("local", new JobProgress(99, 50, "decoding")));
        assertThat(uiThread).as("that task takes what came since too").hasSize(1);
        uiThread.poll().run();

        assertThat(delivered).hasSize(3);
        assertThat(delivered.get(2)).as("the report left over was made stale by the later one")
                .containsExactly(new SourcedEvent("local", new JobProgress(99, 50, "decoding")));
        assertThat(tasksDone).hasValue(2);
        assertThat(uiThread).isEmpty();
    }

    @Test
    void aClosedBridgeDeliversNothing() {
        Queue<Runnable> uiThread = new ArrayDeque<>();
        List<List<SourcedEvent>> delivered = new ArrayList<>();
        FxEventBridge bridge = new FxEventBridge(uiThread::add, delivered::add, () -> { });

        bridge.listenerFor("local").accept(new JobChanged(Jobs.pending(1, T0)));
        bridge.close();
        bridge.listenerFor("local").accept(new JobChanged(Jobs.pending(2, T0)));
        uiThread.forEach(Runnable::run);

        assertThat(delivered).isEmpty();
    }

    /** Coalesces events of one deployment, and gives back the events alone. */
    private static List<EngineEvent> coalesced(EngineEvent... events) {
        List<SourcedEvent> batch = Arrays.stream(events).map(event -> new SourcedEvent("local", event)).toList();
        return EventBatches.coalesce(batch).stream().map(SourcedEvent::event).toList();
    }
}
