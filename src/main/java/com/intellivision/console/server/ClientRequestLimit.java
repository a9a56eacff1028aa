package com.intellivision.console.server;

import io.javalin.http.Context;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many requests one client address may have under way at once, so that one caller cannot take
 * every one of Jetty's threads (a slow upload, a script in a loop) and shut the others out. The
 * address is the connection's own, never a header a client could write. A request is counted from
 * before its first handler until its handlers have run (a streamed file or the event stream goes on
 * after that, uncounted: the event stream bounds each client's queue itself).
 */
final class ClientRequestLimit {

    private static final String COUNTED = "client-request-limit.counted";

    private final int perClient;
    private final ConcurrentHashMap<String, Integer> underWay = new ConcurrentHashMap<>();

    ClientRequestLimit(int perClient) {
        this.perClient = perClient;
    }

    /** Counts the request in, or answers it 429 and skips its handlers when its client is at the limit. */
    void enter(Context ctx) {
        String client = ctx.ip();
        boolean[] admitted = {false};
        underWay.compute(client, (address, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < perClient;
            return admitted[0] ? now + 1 : now;
        });
        if (admitted[0]) {
            ctx.attribute(COUNTED, client);
            return;
        }
        ctx.header("Retry-After", "1");
        Replies.failure(ctx, 429, "error", "Too many requests at once from " + client + ": this server takes " + perClient
                + " at a time from one address. Wait for the earlier ones to finish, or start serve with a larger "
                + "--max-requests-per-client.", "TOO_MANY_REQUESTS");
        ctx.skipRemainingHandlers();
    }

    /**
     * Counts the request out; called both after its handlers and when it is logged, so that a request
     * whose after-handlers are skipped is still counted out, and only once.
     */
    void leave(Context ctx) {
        String client = ctx.attribute(COUNTED);
        if (client != null && !client.isEmpty()) {
            ctx.attribute(COUNTED, "");
            underWay.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
        }
    }

    /** The requests under way from {@code client}. */
    int underWay(String client) {
        return underWay.getOrDefault(client, 0);
    }
}
