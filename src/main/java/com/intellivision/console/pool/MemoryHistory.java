package com.intellivision.console.pool;

import com.intellivision.console.job.EngineEvent.MemorySampled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last hour of memory samples of every worker slot, ready for graphs: a fixed ring per slot, so it
 * never grows however long the console runs. Touched only on the engine's loop.
 */
final class MemoryHistory {

    static final int CAPACITY = 3600;

    private final Map<Integer, Ring> rings = new HashMap<>();

    void add(MemorySampled sample) {
        rings.computeIfAbsent(sample.workerId(), id -> new Ring()).add(sample);
    }

    /** Oldest first. */
    List<MemorySampled> of(int workerId) {
        Ring ring = rings.get(workerId);
        return ring == null ? List.of() : ring.toList(workerId);
    }

    private static final class Ring {
        private final long[] pids = new long[CAPACITY];
        private final long[] bytes = new long[CAPACITY];
        private final long[] millis = new long[CAPACITY];
        private int next;
        private int size;

        void add(MemorySampled sample) {
            pids[next] = sample.pid();
            bytes[next] = sample.rssBytes();
            millis[next] = sample.at().toEpochMilli();
            next = (next + 1) % CAPACITY;
            size = Math.min(size + 1, CAPACITY);
        }

        List<MemorySampled> toList(int workerId) {
            List<MemorySampled> samples = new ArrayList<>(size);
            int first = (next - size + CAPACITY) % CAPACITY;
            for (int i = 0; i < size; i++) {
                int at = (first + i) % CAPACITY;
                samples.add(new MemorySampled(workerId, pids[at], bytes[at], Instant.ofEpochMilli(millis[at])));
            }
            return samples;
        }
    }
}
