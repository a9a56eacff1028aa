package com.intellivision.console.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A client of Celery Flower's API, through which a console sees an IntelliVision server's Celery workers
 * and steers them: revoking tasks, growing and shrinking pools. Every call blocks and throws
 * {@link RemoteException} when it fails.
 */
public final class FlowerClient implements AutoCloseable {

    private static final String HEX = "0123456789ABCDEF";

    private final HttpUrl base;
    private final boolean hasPassword;
    private final boolean ownsHttpClient;
    private final OkHttpClient http;
    private final HttpTransport transport;

    /**
     * @param baseUrl Flower's address, such as {@code http://127.0.0.1:5555}
     * @param user the user of Flower's basic authentication, or null when Flower asks for none
     */
    public FlowerClient(String baseUrl, String user, String password) {
        this(baseUrl, user, password, new OkHttpClient(), Timeouts.DEFAULTS, true);
    }

    /** A client that shares {@code httpClient}'s connections and threads, which {@link #close()} leaves open. */
    public FlowerClient(String baseUrl, String user, String password, OkHttpClient httpClient, Timeouts timeouts) {
        this(baseUrl, user, password, httpClient, timeouts, false);
    }

    private FlowerClient(String baseUrl, String user, String password, OkHttpClient httpClient, Timeouts timeouts, boolean ownsHttpClient) {
        this.base = BaseUrls.parse(baseUrl, "Flower");
        this.hasPassword = user != null;
        this.ownsHttpClient = ownsHttpClient;
        OkHttpClient.Builder builder = httpClient.newBuilder().connectTimeout(timeouts.connect()).callTimeout(timeouts.poll())
                .readTimeout(timeouts.poll()).followRedirects(false).followSslRedirects(false);
        if (hasPassword) {
            String authorization = okhttp3.Credentials.basic(user, password == null ? "" : password, StandardCharsets.UTF_8);
            builder.addInterceptor(chain -> chain.proceed(BaseUrls.sameOrigin(chain.request().url(), base)
                    ? chain.request().newBuilder().header("Authorization", authorization).build() : chain.request()));
        }
        this.http = builder.build();
        this.transport = new HttpTransport(base, "Flower");
    }

    /** Every worker Flower knows, freshly inspected. */
    public List<CeleryWorker> workers() {
        String action = "list the Celery workers";
        HttpUrl url = base.newBuilder().addPathSegments("api/workers").addQueryParameter("refresh", "true").build();
        Reply reply = call(new Request.Builder().url(url).header("Accept", "application/json").get().build(), action, null);
        try {
            return FlowerReplies.workers(json(reply, action));
        } catch (MalformedReply e) {
            throw transport.malformed(reply, action, e.getMessage());
        }
    }

    public List<QueueLength> queueLengths() {
        String action = "read the queue lengths";
        HttpUrl url = base.newBuilder().addPathSegments("api/queues/length").build();
        Reply reply = call(new Request.Builder().url(url).header("Accept", "application/json").get().build(), action, null);
        try {
            return FlowerReplies.queueLengths(json(reply, action));
        } catch (MalformedReply e) {
            throw transport.malformed(reply, action, e.getMessage());
        }
    }

    /** Revokes a task, so that no worker starts it; {@code terminate} also ends it where it already runs. */
    public void revoke(String taskId, boolean terminate) {
        HttpUrl.Builder url = base.newBuilder().addPathSegments("api/task/revoke").addEncodedPathSegment(encodeSegment(taskId));
        if (terminate) {
            url.addQueryParameter("terminate", "true");
        }
        call(post(url.build()), "revoke task " + taskId, null);
    }

    /** Adds {@code n} processes to a worker's pool. */
    public void grow(String worker, int n) {
        resize("grow", worker, n);
    }

    /** Takes {@code n} processes from a worker's pool. */
    public void shrink(String worker, int n) {
        resize("shrink", worker, n);
    }

    @Override
    public void close() {
        if (ownsHttpClient) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private void resize(String verb, String worker, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a pool is resized by 1 process or more, not " + n);
        }
        HttpUrl url = base.newBuilder().addPathSegments("api/worker/pool/" + verb).addEncodedPathSegment(encodeSegment(worker))
                .addQueryParameter("n", Integer.toString(n)).build();
        call(post(url), verb + " the pool of " + worker + " by " + n, "Flower knows no worker called " + worker
                + "; it may have stopped, or Flower has not heard from it yet.");
    }

    private static Request post(HttpUrl url) {
        return new Request.Builder().url(url).header("Accept", "application/json").post(RequestBody.EMPTY).build();
    }

    /** @param unknownWorker what a 404 means, for calls about one worker; null for the others */
    private Reply call(Request request, String action, String unknownWorker) {
        Reply reply = transport.send(http, request, action);
        if (reply.isSuccess()) {
            return reply;
        }
        if (reply.isRedirect()) {
            throw transport.redirected(reply, action);
        }
        String said = reply.readableText().map(text -> " Flower said: " + text).orElse("");
        int status = reply.status();
        throw switch (status) {
            case 401 -> new RemoteException(RemoteException.Kind.UNAUTHORIZED, null, status, "Could not " + action + ": "
                    + (hasPassword ? "Flower refused the user name or password; check them in the deployment's settings."
                            : "Flower asks for a user name and password; enter them in the deployment's settings.") + said);
            case 404 -> new RemoteException(RemoteException.Kind.NOT_FOUND, null, status, "Could not " + action + ": "
                    + (unknownWorker != null ? unknownWorker : transport.service() + " has nothing at " + reply.url().encodedPath()
                            + "; check that the address in the deployment's settings is Flower's."));
            default -> new RemoteException(status >= 500 ? RemoteException.Kind.SERVER_ERROR : RemoteException.Kind.REJECTED, null, status,
                    "Could not " + action + ": " + transport.service() + (status >= 500 ? " failed" : " refused") + " (HTTP " + status + ")."
                            + said);
        };
    }

    private JsonNode json(Reply reply, String action) {
        try {
            return JobJson.mapper().readTree(reply.body());
        } catch (IOException e) {
            throw transport.malformed(reply, action, "not JSON");
        }
    }

    /** Percent-encodes all but RFC 3986's unreserved characters: OkHttp leaves the {@code @} of {@code celery@host} as it is. */
    private static String encodeSegment(String segment) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
            }
        }
        return encoded.toString();
    }
}
