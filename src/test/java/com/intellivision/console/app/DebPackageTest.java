package com.intellivision.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.intellivision.console.testsupport.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb that {@code mvn -Ppackage package} builds, installed with dpkg as a user installs it, run from the
 * PATH, and removed again. Needs root and dpkg; skipped elsewhere, unless {@value PackagedAppTest#REQUIRED} is set
 * (as CI sets it), where it fails instead.
 */
class DebPackageTest {

    private static final Path INSTALLED = Path.of("/opt/intellivision-console");
    private static final Path ON_PATH = Path.of("/usr/bin/intellivision-console");

    @TempDir
    Path scratch;

    @Test
    void installsRunsFromThePathAndRemovesCleanly() throws Exception {
        Optional<Path> deb = builtPackage();
        boolean canInstall = deb.isPresent() && Files.isExecutable(Path.of("/usr/bin/dpkg")) && asRoot().isPresent();
        if (System.getenv(PackagedAppTest.REQUIRED) != null) {
            assertThat(canInstall).as("a .deb in target/dist, root and dpkg").isTrue();
        }
        assumeTrue(canInstall, "needs the .deb from mvn -Ppackage package, root and dpkg");
        assumeTrue(System.getenv(PackagedAppTest.REQUIRED) != null || !Files.exists(INSTALLED),
                "the console is installed on this machine already; not replaced by a test");
        try {
            PackagedRun install = asRoot().get().run("dpkg", "-i", deb.get().toString());
            assertThat(install.exitCode()).as(install.toString()).isZero();

            assertThat(PackagedRun.of(ON_PATH, "--version").stdout().strip()).isEqualTo("IntelliVision Console 0.1");
            Path video = TestVideos.writeFrameCodedVideo(scratch.resolve("clip.mp4"), 3, 25, 320, 240);
            Path frame = scratch.resolve("frame.png");
            PackagedRun run = PackagedRun.of(ON_PATH, "frame", "--data-dir", scratch.resolve("data").toString(), "--at", "1",
                    "--out", frame.toString(), video.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(new ObjectMapper().readTree(run.stdout()).path("status").asText()).isEqualTo("completed");
            assertThat(TestVideos.frameNumberOf(frame)).isEqualTo(25);

            // The package's postinst made the class-data archive for where it installed the console.
            PackagedRun shared = PackagedRun.of(INSTALLED.resolve("lib/runtime/bin/java"), "-Xshare:on",
                    "-XX:SharedArchiveFile=" + INSTALLED.resolve("lib/app/console.jsa"), "-cp", PackagedRun.launcherClassPath(INSTALLED),
                    "com.intellivision.console.app.Main", "--version");
            assertThat(shared.exitCode()).as(shared.toString()).isZero();
        } finally {
            PackagedRun remove = asRoot().get().run("dpkg", "--purge", "intellivision-console");
            assertThat(remove.exitCode()).as(remove.toString()).isZero();
        }
        assertThat(ON_PATH).doesNotExist();
        assertThat(INSTALLED).doesNotExist();
    }

    /** How this test runs a command as root: as itself where it is root, else through sudo without a password, if it may. */
    private static Optional<RootCommand> asRoot() throws IOException, InterruptedException {
        if ("root".equals(System.getProperty("user.name"))) {
            return Optional.of((command, args) -> PackagedRun.of(Path.of(command), args));
        }
        boolean maySudo = Files.isExecutable(Path.of("/usr/bin/sudo")) && PackagedRun.of(Path.of("/usr/bin/sudo"), "-n", "true").exitCode() == 0;
        return maySudo ? Optional.of(DebPackageTest::sudo) : Optional.empty();
    }

    private static PackagedRun sudo(String command, String... args) throws IOException, InterruptedException {
        String[] withCommand = new String[args.length + 2];
        withCommand[0] = "-n";
        withCommand[1] = command;
        System.arraycopy(args, 0, withCommand, 2, args.length);
        return PackagedRun.of(Path.of("/usr/bin/sudo"), withCommand);
    }

    @FunctionalInterface
    private interface RootCommand {
        PackagedRun run(String command, String... args) throws IOException, InterruptedException;
    }

    private static Optional<Path> builtPackage() throws IOException {
        Path dist = PackagedAppTest.IMAGE.getParent();
        if (!Files.isDirectory(dist)) {
            return Optional.empty();
        }
        try (var files = Files.list(dist)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".deb")).findFirst();
        }
    }
}
