package com.intellivision.console.remote;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends requests to one server and words what goes wrong on the way: no connection, no answer in time,
 * a redirect, an answer that is not the JSON expected. What the server's error answers mean is for the
 * server's own translator.
 */
final class HttpTransport {

    private final HttpUrl base;
    private final String service;
    /** Every answer the server gave, and those with a 5xx status, for its error rate. */
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();

    /** @param serviceName how people call the server, such as "the IntelliVision server" */
    HttpTransport(HttpUrl base, String serviceName) {
        this.base = base;
        this.service = serviceName + " at " + base;
    }

    /** "the IntelliVision server at http://…/", for messages. */
    String service() {
        return service;
    }

    /** How many answers the server has given through this transport, and how many of them were 5xx. */
    AnswerCounts answerCounts() {
        return new AnswerCounts(answers.get(), serverErrors.get());
    }

    Reply send(OkHttpClient client, Request request, String action) {
        try (Response response = open(client, request, action)) {
            try {
                return Reply.read(response);
            } catch (IOException e) {
                throw e instanceof InterruptedIOException ? failure(e, client, action) : cutOff(e, response.code(), action);
            }
        }
    }

    /**
     * The server answered and the connection broke before the answer was whole: it is there, but
     * unwell (restarting, or behind a proxy that gave up), so this is not taken for a server gone.
     */
    private RemoteException cutOff(IOException e, int status, String action) {
        return new RemoteException(RemoteException.Kind.MALFORMED, null, status, "Could not " + action + ": " + service
                + " began to answer, then the connection broke (" + e.getMessage() + "). It may be restarting or behind a failing"
                + " proxy; the console asks again by itself.", e);
    }

    /** The answer, unread, for bodies that are streamed to a file; the caller closes it. */
    Response open(OkHttpClient client, Request request, String action) {
        try {
            Response response = client.newCall(request).execute();
            answers.incrementAndGet();
            if (response.code() >= 500) {
                serverErrors.incrementAndGet();
            }
            return response;
        } catch (RefreshFailure refusal) {
            throw refusal.during(action);
        } catch (IOException e) {
            throw failure(e, client, action);
        }
    }

    RemoteException failure(IOException e, OkHttpClient client, String action) {
        if (e instanceof InterruptedIOException) {
            return new RemoteException(RemoteException.Kind.TIMEOUT, null, RemoteException.NO_STATUS,
                    "Could not " + action + ": " + service + " did not answer within " + seconds(timeoutOf(client))
                            + ". It may be overloaded or stuck; try again later.", e);
        }
        String why = e instanceof UnknownHostException ? "no host is called " + base.host()
                : e instanceof ConnectException ? "nothing accepts connections there"
                : "the connection broke (" + e.getMessage() + ")";
        return new RemoteException(RemoteException.Kind.UNREACHABLE, null, RemoteException.NO_STATUS,
                "Could not " + action + ": " + service + " cannot be reached: " + why
                        + ". Check that it is running and that the address in the deployment's settings is right.", e);
    }

    /** Redirects are not followed: OkHttp would drop the token on another host and turn a POST into a GET. */
    RemoteException redirected(Reply reply, String action) {
        HttpUrl target = reply.location() == null ? null : reply.url().resolve(reply.location());
        if (target == null) {
            return new RemoteException(RemoteException.Kind.REDIRECTED, null, reply.status(),
                    "Could not " + action + ": " + service + " answered with a redirect (HTTP " + reply.status()
                            + ") to no valid address. Check the address in the deployment's settings.");
        }
        boolean toHttps = reply.url().scheme().equals("http") && target.scheme().equals("https");
        String advice = target.encodedPath().equals(reply.url().encodedPath())
                ? "use " + base.newBuilder().scheme(target.scheme()).host(target.host()).port(target.port()).build()
                        + " as the address in the deployment's settings."
                : "check the address in the deployment's settings; the console does not follow redirects.";
        return new RemoteException(RemoteException.Kind.REDIRECTED, null, reply.status(),
                "Could not " + action + ": " + service + " redirects to " + target + " (HTTP " + reply.status() + ")"
                        + (toHttps ? ", from http to https" : "") + ". To reach it there, " + advice);
    }

    RemoteException malformed(Reply reply, String action, String problem) {
        String what = reply.isHtml() ? "an HTML page where JSON was due" : "something other than the JSON expected (" + problem + ")";
        return new RemoteException(RemoteException.Kind.MALFORMED, null, reply.status(),
                "Could not " + action + ": " + service + " answered with " + what
                        + ". Check that the address in the deployment's settings is that of its API.");
    }

    private static Duration timeoutOf(OkHttpClient client) {
        return Duration.ofMillis(client.callTimeoutMillis() > 0 ? client.callTimeoutMillis() : client.readTimeoutMillis());
    }

    private static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
