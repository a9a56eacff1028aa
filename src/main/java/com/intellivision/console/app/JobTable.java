package com.intellivision.console.app;

import com.intellivision.console.job.Job;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Jobs as an aligned table for the terminal: one line each, the source last, as it may be long. */
final class JobTable {

    private static final List<String> HEADINGS = List.of("ID", "TYPE", "STATUS", "UPDATED", "SOURCE");
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private JobTable() {}

    /** @param zone the time zone the update times are shown in */
    static String format(List<Job> jobs, ZoneId zone) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (Job job : jobs) {
            rows.add(List.of(String.valueOf(job.id()), job.type().wireName(), job.status().wireName(), updated(job.updatedAt(), zone),
                    job.youtubeUrl() == null ? "" : job.youtubeUrl()));
        }
        int[] widths = new int[HEADINGS.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                boolean last = column == widths.length - 1;
                line.append(last ? row.get(column) : pad(row.get(column), widths[column] + 2));
            }
            table.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return table.toString();
    }

    private static String updated(Instant at, ZoneId zone) {
        return at == null ? "" : UPDATED.format(at.atZone(zone));
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
