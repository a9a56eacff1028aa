package com.intellivision.console.ui.workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Workers' memory samples as CSV: one row per sample, in time order, with the time in UTC. */
final class MemoryCsv {

    static final String[] HEADER = {"time_utc", "worker", "rss_mib"};

    private MemoryCsv() {}

    /** Samples taken out of the chart's model, so they can be written on another thread. */
    record Samples(List<WorkerLine> lines) {

        int count() {
            return lines.stream().mapToInt(WorkerLine::size).sum();
        }

        /** Writes every sample to {@code target}, replacing it. */
        void writeTo(Path target) {
            try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                write(out);
            } catch (IOException cannotWrite) {
                throw new UncheckedIOException("The file could not be written: " + cannotWrite.getMessage(), cannotWrite);
            }
        }

        void write(Writer out) throws IOException {
            DateTimeFormatter utc = DateTimeFormatter.ISO_INSTANT;
            try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
                int[] next = new int[lines.size()];
                // The lines are each in time order; take the earliest next sample among them, row by row.
                while (true) {
                    int earliest = -1;
                    for (int line = 0; line < lines.size(); line++) {
                        if (next[line] < lines.get(line).size() && (earliest < 0
                                || lines.get(line).seconds()[next[line]] < lines.get(earliest).seconds()[next[earliest]])) {
                            earliest = line;
                        }
                    }
                    if (earliest < 0) {
                        return;
                    }
                    WorkerLine line = lines.get(earliest);
                    int at = next[earliest]++;
                    Instant time = Instant.ofEpochMilli(Math.round(line.seconds()[at] * 1000));
                    csv.printRecord(utc.format(time), line.workerId(), BigDecimal.valueOf(line.mebibytes()[at]).setScale(1, RoundingMode.HALF_UP));
                }
            }
        }
    }
}
