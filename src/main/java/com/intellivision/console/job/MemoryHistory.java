package com.intellivision.console.job;

import com.intellivision.console.job.EngineEvent.MemorySampled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest memory samples of every worker, ready for graphs: a fixed ring per worker, so it never
 * grows however long the console runs. Safe to share between threads.
 */
public final class MemoryHistory {

    /** An hour at one sample a second. */
    public static final int HOUR_OF_SECONDS = 3600;

    private final int capacity;
    private final Map<String, Ring> rings = new HashMap<>();

    public MemoryHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a memory history holds at least one sample, not " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void add(MemorySampled sample) {
        rings.computeIfAbsent(sample.workerId(), id -> new Ring(capacity)).add(sample);
    }

    /** Oldest first; empty for a worker never sampled. */
    public synchronized List<MemorySampled> of(String workerId) {
        Ring ring = rings.get(workerId);
        return ring == null ? List.of() : ring.toList(workerId);
    }

    /** Forgets a worker that has left for good. */
    public synchronized void forget(String workerId) {
        rings.remove(workerId);
    }

    private static final class Ring {
        private final long[] pids;
        private final long[] bytes;
        private final long[] millis;
        private int next;
        private int size;

        Ring(int capacity) {
            pids = new long[capacity];
            bytes = new long[capacity];
            millis = new long[capacity];
        }

        void add(MemorySampled sample) {
            pids[next] = sample.pid();
            bytes[next] = sample.rssBytes();
            millis[next] = sample.at().toEpochMilli();
            next = (next + 1) % pids.length;
            size = Math.min(size + 1, pids.length);
        }

        List<MemorySampled> toList(String workerId) {
            List<MemorySampled> samples = new ArrayList<>(size);
            int first = (next - size + pids.length) % pids.length;
            for (int i = 0; i < size; i++) {
                int at = (first + i) % pids.length;
                samples.add(new MemorySampled(workerId, pids[at], bytes[at], Instant.ofEpochMilli(millis[at])));
            }
            return samples;
        }
    }
}
