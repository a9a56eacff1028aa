package com.intellivision.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code jobs}: a deployment's recent jobs as a table. */
class JobsCommandTest extends CommandsOnFakeServer {

    @Test
    void listsTheServersJobsNewestFirstInAlignedColumns() {
        server.addJob("people-count", "https://www.youtube.com/watch?v=first");
        server.addJob("car-count", "https://www.youtube.com/watch?v=stay-second");

        CommandRun run = remote.run("jobs");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("ID +TYPE +STATUS +UPDATED +SOURCE");
        assertThat(lines.get(1)).matches("2 +car-count +processing +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +https://www.youtube.com/watch\\?v=stay-second");
        assertThat(lines.get(2)).startsWith("1 ").contains("people-count").endsWith("https://www.youtube.com/watch?v=first");
        assertThat(lines.get(1).indexOf("car-count")).isEqualTo(lines.get(2).indexOf("people-count"));
        assertThat(lines.get(1).indexOf("https:")).isEqualTo(lines.get(2).indexOf("https:"));
    }

    @Test
    void listsNoMoreThanTheLimit() {
        server.addJob("people-count", "https://youtu.be/a");
        server.addJob("people-count", "https://youtu.be/b");

        CommandRun run = remote.run("jobs", "--limit", "1");

        assertThat(run.stdout().lines().toList()).hasSize(2).last().asString().endsWith("https://youtu.be/b");
    }

    @Test
    void showsWhatWasKeptWhenTheServerCannotBeReached() {
        server.addJob("people-count", "https://youtu.be/kept");
        assertThat(remote.run("jobs").exitCode()).isZero();
        server.stop();

        CommandRun run = remote.run("jobs");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("cannot be reached").contains("The list shows the jobs this computer kept of 127.0.0.1:");
        assertThat(run.stdout()).contains("https://youtu.be/kept");
    }

    @Test
    void saysSoWhenThereAreNoJobs() {
        CommandRun run = remote.run("jobs");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualToIgnoringNewLines("No jobs on 127.0.0.1:" + server.url().replaceAll(".*:", "") + ".");
    }

    @Test
    void listsTheLocalPoolWithoutAServer() {
        CommandRun run = CommandRun.of("jobs", "--data-dir", temp.resolve("local").toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualToIgnoringNewLines("No jobs on Local pool.");
    }

    @Test
    void refusesALimitBelowOne() {
        CommandRun run = remote.run("jobs", "--limit", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--limit: list at least 1 job, not 0");
    }
}
