package com.intellivision.console.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/** This JVM's garbage collections as they are reported, each with when it started and ended on {@link System#nanoTime()}'s clock. */
final class GcPauses {

    /** One collection's pause. */
    record Pause(String collector, String cause, long startNanos, long endNanos) {}

    private final List<Pause> pauses = new CopyOnWriteArrayList<>();
    /** System.nanoTime() at the JVM's start, as near as the two clocks tell. */
    private final long jvmStartNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;

    private GcPauses() {}

    /** Starts taking note of every collection from now on. */
    static GcPauses listen() {
        GcPauses listening = new GcPauses();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        listening.add(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
                    }
                }, null, null);
            }
        }
        return listening;
    }

    private void add(GarbageCollectionNotificationInfo info) {
        long start = jvmStartNanos + info.getGcInfo().getStartTime() * 1_000_000;
        long end = jvmStartNanos + info.getGcInfo().getEndTime() * 1_000_000;
        pauses.add(new Pause(info.getGcName(), info.getGcCause(), start, end));
    }

    /** The collections that ended between the two times. */
    List<Pause> between(long fromNanos, long toNanos) {
        return pauses.stream().filter(pause -> pause.endNanos() >= fromNanos && pause.endNanos() <= toNanos).toList();
    }
}
