package com.intellivision.console.app;

import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.server.AccessToken;
import com.intellivision.console.server.ApiServer;
import com.intellivision.console.server.ServeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: the local pool, headless, served over HTTP in IntelliVision's own API until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the local pool without a window and serve it over HTTP in IntelliVision's API, "
                + "so consoles (--server URL --token-file FILE), scripts and IntelliVision's front end can use it.",
            "Every request needs the bearer token in <data dir>/serve-token, made and printed at the first start.",
            "Stops on Ctrl-C or SIGTERM; jobs still running go back to the queue and run at the next start."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000", description = "The port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServeOptions.LOOPBACK,
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every network).")
    String host;

    @Option(names = "--allow-private-urls",
            description = "Also fetch links to this machine, its networks and file: URLs. Only for a lab: anyone with the token could read them.")
    boolean allowPrivateUrls;

    @Option(names = "--max-requests-per-client", paramLabel = "N", defaultValue = "" + ServeOptions.DEFAULT_MAX_REQUESTS_PER_CLIENT,
            description = "How many requests one client address may have under way at once; more are answered 429 (default: ${DEFAULT-VALUE}).")
    int maxRequestsPerClient;

    @Mixin
    PoolOptions pool = new PoolOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (maxRequestsPerClient < 1) {
            spec.commandLine().getErr().println("--max-requests-per-client must be 1 or more, not " + maxRequestsPerClient + ".");
            return 2;
        }
        PoolConfig config = pool.toConfig(Runtime.getRuntime().availableProcessors());
        AccessToken token = AccessToken.inDataDir(pool.dataDir);
        LocalDeployment deployment = LocalDeployment.start(config);
        ApiServer server;
        try {
            server = ApiServer.start(deployment, pool.dataDir, config.framesDir(), token,
                    ServeOptions.onPort(port).on(host).allowingPrivateUrls(allowPrivateUrls)
                            .withMaxRequestsPerClient(maxRequestsPerClient));
        } catch (RuntimeException cannotListen) {
            deployment.close();
            spec.commandLine().getErr().println("Cannot serve on " + host + ":" + port + ": " + rootMessage(cannotListen)
                    + ". Choose another --port, or stop what listens there.");
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            deployment.close();
            stopped.countDown();
        }, "serve-shutdown"));
        out.println("Serving the local pool (" + config.workerCount() + " workers) at http://" + host + ":" + server.port() + "/");
        if (token.madeNow()) {
            out.println("Access token (kept in " + pool.dataDir.resolve(AccessToken.FILE_NAME) + "; shown only this once): " + token.value());
        } else {
            out.println("Access token: in " + pool.dataDir.resolve(AccessToken.FILE_NAME));
        }
        out.flush();
        stopped.await();
        return 0;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
