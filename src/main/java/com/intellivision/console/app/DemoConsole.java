package com.intellivision.console.app;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.deployment.DeploymentCatalog;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.deployment.SavedDeployments;
import com.intellivision.console.deployment.settings.DeploymentKind;
import com.intellivision.console.deployment.settings.DeploymentSecrets;
import com.intellivision.console.deployment.settings.DeploymentSettings;
import com.intellivision.console.deployment.settings.OwnerOnlySecretFile;
import com.intellivision.console.pool.MemoryLimits;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.server.AccessToken;
import com.intellivision.console.ui.settings.LocalPoolSettings;
import com.intellivision.console.ui.settings.SettingsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --demo}: the console on a workload of its own, in a fresh temporary data directory, so the
 * user's own jobs, settings, deployments and keychain are never read or written. Beside the local pool
 * it runs a {@code serve} in a child process on the loopback, saved as a deployment of the demo's. The
 * directory is left in the temporary folder when the console closes, to be looked at.
 */
final class DemoConsole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoConsole.class);

    /**
     * Above what a worker keeps after frames (about 100 to 120 MiB), below what it keeps once a people
     * count has loaded OpenCV (about 200 MiB after the 640 × 360 video, 240 after the 1280 × 720 one):
     * every count's worker is recycled after it, and the larger video's spike stands out on the chart.
     */
    static final long SOFT_LIMIT_MIB = 160;
    static final long HARD_LIMIT_MIB = 1536;
    static final int WORKERS = 2;
    /** The serve's JVM as packaging/serve.jvm-options has it: its jobs run in its worker. */
    private static final List<String> SERVE_JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
    private static final Duration SERVE_START = Duration.ofSeconds(60);

    private final Path dataDir;
    private final PoolConfig config;
    private final ServeChild serve;
    private final DeploymentSettings serveSettings;
    private final Thread stopServeOnExit;

    private DemoConsole(Path dataDir, PoolConfig config, ServeChild serve, DeploymentSettings serveSettings) {
        this.dataDir = dataDir;
        this.config = config;
        this.serve = serve;
        this.serveSettings = serveSettings;
        // Ctrl-C or SIGTERM end the console without its window closing: the serve goes too.
        this.stopServeOnExit = new Thread(this::stopServe, "demo-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(stopServeOnExit);
    }

    /**
     * Makes the demo's data directory in {@code tempFolder} and starts its serve, without waiting for
     * it. The pool is {@code options}' but on that directory, with the demo's workers and memory limits.
     */
    static DemoConsole prepare(PoolOptions options, Path tempFolder) throws IOException {
        Path dataDir = Files.createTempDirectory(tempFolder, "intellivision-demo-");
        LOG.info("demo: its data directory is {} (left there when the console closes)", dataDir);
        PoolConfig config = options.toConfig(WORKERS, LocalPoolSettings.DEFAULTS).withDataDir(dataDir)
                .withMemoryLimits(MemoryLimits.ofMiB(SOFT_LIMIT_MIB, HARD_LIMIT_MIB));
        Path serveDir = Files.createDirectories(dataDir.resolve("serve"));
        // The token is made here rather than read from the serve's output, so the deployment can be saved before it listens.
        AccessToken token = AccessToken.inDataDir(serveDir);
        int port = freeLoopbackPort();
        DeploymentSettings settings = DeploymentSettings.create("Demo serve", DeploymentKind.CONSOLE_SERVE, "http://127.0.0.1:" + port);
        new com.intellivision.console.deployment.settings.SettingsFile(dataDir).add(settings);
        new OwnerOnlySecretFile(dataDir).write(settings.id(), DeploymentSecrets.ofAccessToken(token.value()));
        ServeChild serve = ServeChild.start(serveDir, SERVE_JVM_OPTIONS, List.of("--workers", "1"), port,
                ProcessBuilder.Redirect.appendTo(dataDir.resolve("serve.log").toFile()));
        return new DemoConsole(dataDir, config, serve, settings);
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    Path dataDir() {
        return dataDir;
    }

    PoolConfig poolConfig() {
        return config;
    }

    /** The window's settings, kept in the demo's directory. */
    SettingsFile windowSettings() {
        return SettingsFile.in(dataDir);
    }

    /**
     * The local pool and the demo's serve, with secrets in an owner-only file of the demo's (never the
     * keychain). Without the first-run guide, which would show for the seconds before the workload is in.
     */
    DeploymentCatalog openCatalog() {
        return SavedDeployments.open(LocalDeployment.start(config, new LocalLinkPreview(config)), dataDir, new OwnerOnlySecretFile(dataDir));
    }

    /** Opens the catalog and submits the workload in the background, once its videos are made and the serve listens. */
    DeploymentCatalog openCatalogWithWorkload() {
        DeploymentCatalog catalog = openCatalog();
        CompletableFuture.supplyAsync(() -> submitWorkload(catalog), DemoConsole::onDaemonThread)
                .whenComplete((workload, failure) -> {
                    if (failure != null) {
                        LOG.warn("demo: the workload could not be submitted: {}", failure.getMessage());
                    }
                });
        return catalog;
    }

    private static void onDaemonThread(Runnable work) {
        Thread thread = new Thread(work, "demo-workload");
        thread.setDaemon(true);
        thread.start();
    }

    /** Makes the videos, waits for the serve and submits the workload; blocks for seconds, so call it off the FX thread. */
    DemoWorkload submitWorkload(DeploymentCatalog catalog) {
        try {
            DemoVideos videos = DemoVideos.make(dataDir.resolve("videos"));
            Deployment local = catalog.deployments().stream().filter(deployment -> deployment.id().equals(Deployment.LOCAL_ID)).findFirst()
                    .orElseThrow();
            serve.awaitListening(SERVE_START);
            Optional<Deployment> served = catalog.deployments().stream().filter(deployment -> deployment.id().equals(serveSettings.id()))
                    .findFirst();
            return DemoWorkload.submit(local, served, videos);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the demo started", interrupted);
        }
    }

    private void stopServe() {
        try {
            serve.stop();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the serve; the data directory stays. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopServeOnExit);
        } catch (IllegalStateException exiting) {
            return; // The hook runs anyway.
        }
        stopServe();
        LOG.info("demo: stopped; its data is still in {}", dataDir);
    }
}
