package com.intellivision.console.ui.jobs;

import com.intellivision.console.job.Job;
import com.intellivision.console.ui.common.Failures;
import com.intellivision.console.ui.common.JobRow;
import com.intellivision.console.ui.common.Notices;
import com.intellivision.console.ui.common.TaskRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The rows the jobs table shows, written as CSV in the background, one line per job, times in the console's zone. */
public final class JobExport {

    static final String[] HEADER = {"id", "type", "status", "source", "created", "updated", "attempts", "dead_letter", "error"};

    private final JobListViewModel jobs;
    private final TaskRunner tasks;
    private final Notices notices;
    private final ZoneId zone;
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);

    public JobExport(JobListViewModel jobs, TaskRunner tasks, Notices notices, ZoneId zone) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.notices = notices;
        this.zone = zone;
    }

    /** Writes the rows shown now to {@code target}, replacing it. */
    public void exportShown(Path target) {
        List<Job> shown = jobs.rows().stream().map(JobRow::job).toList();
        exporting.set(true);
        tasks.perform(() -> write(shown, target, zone), () -> {
            exporting.set(false);
            notices.done("Exported " + shown.size() + (shown.size() == 1 ? " job" : " jobs") + " to " + target.getFileName());
        }, failure -> {
            exporting.set(false);
            notices.problem("Could not export the jobs to " + target, Failures.messageOf(failure));
        });
    }

    static void write(List<Job> shown, Path target, ZoneId zone) {
        DateTimeFormatter times = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
            for (Job job : shown) {
                csv.printRecord(job.id(), job.type().wireName(), job.status().wireName(), job.youtubeUrl(), format(times, job.createdAt()),
                        format(times, job.updatedAt()), job.attempts(), job.deadLetter(), job.error() == null ? "" : job.error());
            }
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("the file could not be written: " + cannotWrite.getMessage(), cannotWrite);
        }
    }

    private static String format(DateTimeFormatter times, Instant at) {
        return at == null ? "" : times.format(at);
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }
}
