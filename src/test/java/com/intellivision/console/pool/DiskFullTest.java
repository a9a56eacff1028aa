package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.testsupport.StoreAudit;
import com.intellivision.console.testsupport.TestVideos;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder's disk full while a worker writes a frame, on a real 2 MiB tmpfs mounted over the
 * pool's {@code frames/} (which needs root; skipped elsewhere): the job fails saying so and where, the
 * store stays whole, and the next job runs once there is room again.
 */
class DiskFullTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private Path mounted;

    @Test
    void aFrameWrittenToAFullDiskFailsSayingSoAndTheNextRunsOnceThereIsRoom() throws Exception {
        Path clip = TestVideos.writeFrameCodedVideo(temp.resolve("videos/clip.mp4"), 3, 25, 320, 180);
        PoolConfig config = PoolConfig.defaults(temp.resolve("data")).withWorkerCount(1);
        mountSmallTmpfs(Files.createDirectories(config.framesDir()));
        try (LocalEngine engine = LocalEngine.start(config)) {
            Path filler = fillUp(config.framesDir());

            Job failed = engine.awaitTerminal(engine.submit(JobRequest.frame(clip.toString(), FrameParams.at(1.0))).id(), TIMEOUT);

            assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.error()).contains("disk is full").contains(config.framesDir().toString()).contains("Free some space");
            assertThat(StoreAudit.integrityCheck(config.databaseFile())).isEqualTo("ok");
            try (Stream<Path> files = Files.list(config.framesDir())) {
                assertThat(files).as("nothing half written is left").containsExactly(filler);
            }

            Files.delete(filler);
            Job next = engine.awaitTerminal(engine.submit(JobRequest.frame(clip.toString(), FrameParams.at(1.0))).id(), TIMEOUT);

            assertThat(next.status()).as(next.error()).isEqualTo(JobStatus.COMPLETED);
            assertThat(TestVideos.frameNumberOf(Path.of(next.outputImage()))).isEqualTo(25);
            assertThat(engine.job(failed.id()).orElseThrow().status()).as("the failed job stays as it was").isEqualTo(JobStatus.FAILED);
        }
        assertThat(StoreAudit.integrityCheck(config.databaseFile())).isEqualTo("ok");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    private void mountSmallTmpfs(Path folder) throws Exception {
        boolean ok;
        try {
            ok = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", folder.toString());
        } catch (IOException noMount) {
            ok = false;
        }
        Assumptions.assumeTrue(ok, "mounting a small tmpfs needs root");
        mounted = folder;
    }

    /** Writes one file until the disk refuses another byte. */
    private static Path fillUp(Path folder) throws IOException {
        Path filler = folder.resolve("filler.bin");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertThat(Files.getFileStore(folder).getUsableSpace()).as("free space after filling").isLessThan(block.length);
        }
        return filler;
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
