package com.intellivision.console.ui.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the jobs table shows when each job was made: how long ago, or the time on this machine's clock or in UTC. */
public enum TimeDisplay {
    RELATIVE("Age"),
    LOCAL("Created"),
    UTC("UTC");

    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Short enough for the table's narrow column: the year is rarely in doubt for a queue's jobs. */
    private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final String label;

    TimeDisplay(String label) {
        this.label = label;
    }

    /** The column's heading and the menu's name for it. */
    public String label() {
        return label;
    }

    /** {@code at} as this display shows it; today's times without their date. */
    public String format(Instant at, Instant now, ZoneId local) {
        if (at == null) {
            return "";
        }
        if (this == RELATIVE) {
            return JobAge.between(at, now);
        }
        ZoneId zone = this == UTC ? ZoneOffset.UTC : local;
        boolean today = LocalDate.ofInstant(at, zone).equals(LocalDate.ofInstant(now, zone));
        return (today ? TODAY : EARLIER).format(at.atZone(zone));
    }
}
