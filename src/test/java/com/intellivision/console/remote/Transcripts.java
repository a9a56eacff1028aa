package com.intellivision.console.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.JobJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * Answers shaped exactly as the recorded IntelliVision server gives them (status, headers, bodies from
 * {@code src/test/resources/intellivision/}), and the loopback servers that give them.
 */
final class Transcripts {

    static final String ALLOW_LIST = "GET, POST, HEAD, OPTIONS";
    static final String ALLOW_JOB = "GET, PUT, PATCH, DELETE, HEAD, OPTIONS";
    static final String ALLOW_POST = "POST, OPTIONS";
    static final String ALLOW_ME = "GET, OPTIONS";

    private Transcripts() {}

    /** A MockWebServer on 127.0.0.1 only. */
    static MockWebServer startLoopbackServer() throws IOException {
        MockWebServer server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    /** {@code path} on {@code server} by its address: MockWebServer's own URLs name "localhost", which may resolve elsewhere. */
    static String urlOf(MockWebServer server, String path) {
        return server.url(path).newBuilder().host("127.0.0.1").build().toString();
    }

    static String fixture(String name) {
        try (InputStream in = Transcripts.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String server(String name) {
        return fixture("intellivision/" + name);
    }

    static ObjectNode serverJson(String name) {
        return (ObjectNode) parse(server(name));
    }

    static JsonNode parse(String json) {
        try {
            return JobJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse json(int code, String body, String allow) {
        return new MockResponse.Builder().code(code)
                .setHeader("Content-Type", "application/json")
                .setHeader("Vary", "Accept, Origin")
                .setHeader("Allow", allow)
                .body(body).build();
    }

    /** Every 401 of the server's names the Bearer scheme. */
    static MockResponse unauthorized(String body, String allow) {
        return json(401, body, allow).newBuilder().setHeader("WWW-Authenticate", "Bearer realm=\"api\"").build();
    }

    /** Django's own pages: 404 for unknown paths, 500 debug pages. */
    static MockResponse html(int code, String body) {
        return new MockResponse.Builder().code(code)
                .setHeader("Content-Type", "text/html")
                .setHeader("Vary", "Origin")
                .body(body).build();
    }
}
