package com.intellivision.console.ui.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts of something and of its bad cases (jobs ended and failed, answers and 5xx answers) over a
 * window that slides with time, for a rate and how many it was taken over.
 */
final class WindowedCounts {

    private record Entry(Instant at, long all, long bad) {}

    private final Duration window;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long all;
    private long bad;

    WindowedCounts(Duration window) {
        this.window = window;
    }

    void add(Instant at, long allAdded, long badAdded) {
        if (allAdded <= 0) {
            return;
        }
        entries.addLast(new Entry(at, allAdded, badAdded));
        all += allAdded;
        bad += badAdded;
    }

    /** How many fell in the window that ends {@code now}. */
    long all(Instant now) {
        prune(now);
        return all;
    }

    /** The share of bad ones in the window, as a percentage; 0 when the window is empty. */
    double percentBad(Instant now) {
        prune(now);
        return all == 0 ? 0 : 100.0 * bad / all;
    }

    private void prune(Instant now) {
        Instant start = now.minus(window);
        while (!entries.isEmpty() && !entries.peekFirst().at().isAfter(start)) {
            Entry old = entries.removeFirst();
            all -= old.all();
            bad -= old.bad();
        }
    }
}
