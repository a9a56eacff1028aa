package com.intellivision.console.bench;

import com.intellivision.console.job.EngineEvent;
import com.intellivision.console.job.EngineEvent.JobChanged;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a watching console has heard: how many events, how many distinct jobs, how many of them not
 * finished. Cheap on purpose, as the window's own listener hands events on and does nothing heavy.
 * Its state travels from the console to the benchmark as one line of text.
 */
record WatchTally(long events, int jobs, int active) {

    private static final String PREFIX = "watch-tally";
    private static final Pattern LINE = Pattern.compile(PREFIX + " events=(\\d+) jobs=(\\d+) active=(\\d+)");
    static final String READY = "watch-ready";

    static final WatchTally NONE = new WatchTally(0, 0, 0);

    String line() {
        return PREFIX + " events=" + events + " jobs=" + jobs + " active=" + active;
    }

    /** The tally in {@code line}, or null if it is not a tally line. */
    static WatchTally parse(String line) {
        Matcher matcher = LINE.matcher(line.strip());
        return matcher.matches() ? new WatchTally(Long.parseLong(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3))) : null;
    }

    /** The listener a watching console subscribes with. */
    static final class Listener implements Consumer<EngineEvent> {

        private final AtomicLong events = new AtomicLong();
        /** Each job's latest word: whether it is still active. */
        private final Map<Long, Boolean> activeByJob = new ConcurrentHashMap<>();

        @Override
        public void accept(EngineEvent event) {
            events.incrementAndGet();
            if (event instanceof JobChanged changed) {
                activeByJob.put(changed.job().id(), !changed.job().isTerminal());
            }
        }

        WatchTally tally() {
            int active = (int) activeByJob.values().stream().filter(Boolean::booleanValue).count();
            return new WatchTally(events.get(), activeByJob.size(), active);
        }

        /** Prints the tally once a second until the process is killed. */
        void reportUntilKilled() throws InterruptedException {
            while (true) {
                System.out.println(tally().line());
                Thread.sleep(1000);
            }
        }
    }
}
