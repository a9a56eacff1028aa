package com.intellivision.console.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.EngineEvent.MemorySampled;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryHistoryTest {

    @Test
    void keepsTheLastHourPerWorkerOldestFirstAndNoMore() {
        MemoryHistory history = new MemoryHistory(MemoryHistory.HOUR_OF_SECONDS);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        int samples = MemoryHistory.HOUR_OF_SECONDS + 500;
        for (int second = 0; second < samples; second++) {
            history.add(new MemorySampled("w1", 100, second, start.plusSeconds(second)));
        }
        history.add(new MemorySampled("w2", 200, 42, start));

        List<MemorySampled> first = history.of("w1");
        assertThat(first).hasSize(3600);
        assertThat(first.get(0).rssBytes()).isEqualTo(500);
        assertThat(first.get(3599).rssBytes()).isEqualTo(samples - 1);
        assertThat(first.get(3599).at()).isEqualTo(start.plusSeconds(samples - 1));
        assertThat(history.of("w2")).extracting(MemorySampled::rssBytes).containsExactly(42L);
        assertThat(history.of("w3")).isEmpty();

        history.forget("w2");
        assertThat(history.of("w2")).isEmpty();
    }
}
