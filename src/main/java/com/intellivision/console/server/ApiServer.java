package com.intellivision.console.server;

import com.intellivision.console.deployment.Deployment.Subscription;
import com.intellivision.console.deployment.LocalDeployment;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.router.ParsedEndpoint;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local pool served over HTTP in IntelliVision's own contract (Javalin on Jetty), so that other
 * consoles, scripts and IntelliVision's own front end can use it like an IntelliVision server. Every
 * request but the health check needs the bearer token; each is logged on one line, without it.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** One line per request, at INFO whatever the console's level: method, path, status, time; never a header. */
    private static final Logger REQUESTS = LoggerFactory.getLogger("serve.requests");
    private static final String BEARER = "Bearer ";

    private final Javalin app;
    private final Subscription progressFeed;
    private final Subscription metricsFeed;

    private final ClientRequestLimit limit;

    private ApiServer(Javalin app, Subscription progressFeed, Subscription metricsFeed, ClientRequestLimit limit) {
        this.app = app;
        this.limit = limit;
        this.progressFeed = progressFeed;
        this.metricsFeed = metricsFeed;
    }

    /** Starts serving {@code pool}; {@code dataDir} is the pool's, where uploads are kept too. */
    public static ApiServer start(LocalDeployment pool, Path dataDir, Path framesFolder, AccessToken token, ServeOptions options) {
        return start(pool, dataDir, framesFolder, token, options, options.allowPrivateUrls() ? LinkCheck.ANY : LinkCheck.publicOnly());
    }

    static ApiServer start(LocalDeployment pool, Path dataDir, Path framesFolder, AccessToken token, ServeOptions options, LinkCheck links) {
        Uploads uploads = new Uploads(dataDir.resolve("uploads"), options.maxUploadBytes());
        ProgressBoard progress = new ProgressBoard();
        Subscription feed = pool.subscribe(progress);
        ServeMetrics metrics = new ServeMetrics();
        Subscription metricsFeed = pool.subscribe(metrics);
        // Subscribed first, then seeded: the metrics drop a seed older than what events already told them.
        metrics.seed(pool.recentJobs(JobRoutes.LIST_LIMIT), pool.figures());
        JobView view = new JobView(progress);
        ClientRequestLimit limit = new ClientRequestLimit(options.maxRequestsPerClient());
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = options.maxJsonBytes();
            config.jetty.multipartConfig.cacheDirectory(uploads.folder().toString());
            config.jetty.multipartConfig.maxFileSize(options.maxUploadBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(options.maxUploadBytes() + options.maxJsonBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.http.prefer405over404 = true;
            config.requestLogger.http((ctx, ms) -> {
                limit.leave(ctx);
                REQUESTS.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.status().getCode(), Math.round(ms));
            });
        });
        uploads.folder().toFile().mkdirs();
        app.before(Replies::markStart);
        app.before(limit::enter);
        app.before(ctx -> ctx.attribute(Bodies.LIMIT, options.maxJsonBytes()));
        app.before(ctx -> authorize(ctx, token));
        app.after(limit::leave);
        new JobRoutes(pool, view, links, uploads).register(app);
        new MediaRoutes(pool, progress, framesFolder, uploads.folder()).register(app);
        new PoolRoutes(pool).register(app);
        new EventStream(pool, view).register(app);
        app.get("/metrics", ctx -> ctx.contentType(ServeMetrics.CONTENT_TYPE).result(metrics.scrape()));
        app.exception(Bodies.TooLarge.class, (tooLarge, ctx) -> ctx.status(413));
        app.exception(Bodies.Unreadable.class, (unreadable, ctx) -> Replies.detail(ctx, 400, unreadable.getMessage()));
        app.exception(Exception.class, (failure, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), failure);
            Replies.failure(ctx, 500, "error", "The server failed to handle the request; its log says why.", "INTERNAL_ERROR");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null) {
                Replies.detail(ctx, 404, "Not found.");
            }
        });
        app.error(405, ctx -> Replies.detail(ctx, 405, "Method \"" + ctx.method() + "\" not allowed."));
        app.error(413, ctx -> Replies.failure(ctx, 413, "error", "The request is larger than this server takes: uploads up to "
                + uploads.limitText() + ", other bodies up to " + options.maxJsonBytes() / 1024 + " KiB. Send a shorter video, or a link to it.",
                "FILE_TOO_LARGE"));
        app.start(options.host(), options.port());
        return new ApiServer(app, feed, metricsFeed, limit);
    }

    private static void authorize(Context ctx, AccessToken token) {
        if (ctx.path().equals("/health/")) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith(BEARER)) {
            refuse(ctx, "{\"detail\":\"Authentication credentials were not provided.\"}");
        } else if (!token.matches(header.substring(BEARER.length()).strip())) {
            refuse(ctx, "{\"detail\":\"Given token not valid for any token type\",\"code\":\"token_not_valid\",\"messages\":"
                    + "[{\"token_class\":\"AccessToken\",\"token_type\":\"access\",\"message\":\"Token is invalid or expired\"}]}");
        }
    }

    private static void refuse(Context ctx, String body) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"api\"");
        ctx.status(401).contentType("application/json").result(body);
        ctx.skipRemainingHandlers();
    }

    /** Every route registered, as "METHOD path" ({@code {id}} and the like as written), so that each can be tried. */
    List<String> routes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream().map(ParsedEndpoint::getEndpoint)
                .filter(endpoint -> endpoint.getMethod().isHttpMethod())
                .map(endpoint -> endpoint.getMethod().name() + " " + endpoint.getPath()).toList();
    }

    /** The requests under way from {@code client}, as {@link ClientRequestLimit} counts them. */
    int requestsUnderWay(String client) {
        return limit.underWay(client);
    }

    public int port() {
        return app.port();
    }

    /** Stops taking requests; the pool is its owner's to close. */
    @Override
    public void close() {
        progressFeed.close();
        metricsFeed.close();
        app.stop();
    }
}
