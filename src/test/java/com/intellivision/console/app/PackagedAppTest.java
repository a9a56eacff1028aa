package com.intellivision.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.intellivision.console.testsupport.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app image that {@code mvn -Ppackage package} builds in target/dist, run as people run it: its
 * own launcher, its own trimmed runtime, its worker processes. Without a build these are skipped,
 * unless {@value #REQUIRED} is set (as CI sets it, after building), where a missing build fails.
 */
class PackagedAppTest {

    static final String REQUIRED = "INTELLIVISION_PACKAGE_TESTS";
    static final Path IMAGE = Path.of("target/dist/intellivision-console");
    static final Path LAUNCHER = IMAGE.resolve("bin/intellivision-console");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path scratch;

    @BeforeAll
    static void needsTheAppImage() {
        boolean built = Files.isExecutable(LAUNCHER);
        if (System.getenv(REQUIRED) != null) {
            assertThat(built).as("the app image %s, which CI builds with mvn -Ppackage package", IMAGE.toAbsolutePath()).isTrue();
        }
        assumeTrue(built, "no app image in target/dist: build it with mvn -Ppackage package");
    }

    @Test
    void launcherSaysItsVersion() throws Exception {
        PackagedRun run = PackagedRun.of(LAUNCHER, "--version");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout().strip()).isEqualTo("IntelliVision Console 0.1");
    }

    @Test
    void launcherTakesAFrameOfAGeneratedVideoOnItsOwnWorkers() throws Exception {
        Path video = TestVideos.writeFrameCodedVideo(scratch.resolve("clip.mp4"), 4, 25, 640, 360);
        Path frame = scratch.resolve("frame.png");

        PackagedRun run = PackagedRun.of(LAUNCHER, "frame", "--data-dir", scratch.resolve("data").toString(), "--at", "2",
                "--out", frame.toString(), video.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode job = JSON.readTree(run.stdout());
        assertThat(job.path("status").asText()).isEqualTo("completed");
        assertThat(job.path("results").path("width").asInt()).isEqualTo(640);
        assertThat(TestVideos.frameNumberOf(frame)).as("the frame 2 s in").isEqualTo(2 * 25);
    }

    @Test
    void carriesOnlyThisPlatformsNativeLibraries() throws IOException {
        assumeTrue(System.getProperty("os.arch").equals("amd64"), "the packaged natives are checked on x86-64 Linux");
        List<String> natives = new ArrayList<>();
        try (var jars = Files.list(IMAGE.resolve("lib/app/lib"))) {
            for (Path jar : jars.filter(file -> file.toString().endsWith(".jar")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    zip.stream().map(entry -> entry.getName())
                            .filter(name -> name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib") || name.endsWith(".jnilib"))
                            .forEach(name -> natives.add(jar.getFileName() + "!" + name));
                }
            }
        }

        // Of x86-64 Linux only: javacpp's and JavaFX's platform jars, and the one set kept of the jars that carry them all.
        assertThat(natives).isNotEmpty().allSatisfy(name -> assertThat(name)
                .matches(".*(-linux\\.jar!|/linux-x86_64/|/Linux/x86_64/|/linux-x86-64/).*"));
        assertThat(natives).anyMatch(name -> name.contains("Linux/x86_64/libsqlitejdbc.so"))
                .anyMatch(name -> name.contains("linux-x86-64/libjnidispatch.so"));
    }

    @Test
    void itsClassDataArchiveFitsItsRuntimeAndClassPath() throws Exception {
        Path archive = IMAGE.resolve("lib/app/console.jsa");
        assertThat(archive).as("made by packaging/linux/console-cds.sh").isNotEmptyFile();

        // -Xshare:on refuses to start where the archive does not fit, rather than starting without it.
        PackagedRun run = PackagedRun.of(IMAGE.resolve("lib/runtime/bin/java"), "-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                "-cp", PackagedRun.launcherClassPath(IMAGE), "com.intellivision.console.app.Main", "--version");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("IntelliVision Console 0.1");
    }
}
