package com.intellivision.console.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A bare HTTP/1.0 file server on 127.0.0.1 that behaves as servers in the wild do rather than as a good
 * one: it ignores Range and answers 200 with the whole file to every request, as Python's
 * {@code http.server} does, and in its other {@link Behaviour}s stalls, trickles or breaks its promises.
 */
public final class PlainHttpServer implements AutoCloseable {

    public enum Behaviour {
        /** 200, Content-Length and the whole file, whatever Range was asked; no Accept-Ranges. */
        WHOLE_FILE,
        /** As {@link #WHOLE_FILE} without Content-Length: the body ends when the connection closes. */
        WHOLE_FILE_UNANNOUNCED,
        /** Accepts the connection and reads the request, then never answers. */
        NO_ANSWER,
        /** Sends the headers, then nothing. */
        STALL_AFTER_HEADERS,
        /** Sends the headers, then one byte every 50 ms. */
        TRICKLE,
        /** Announces the whole file's length, sends a third of it, then nothing. */
        SHORT_BODY
    }

    private static final long TRICKLE_PAUSE_MILLIS = 50;

    private final ServerSocket socket;
    private final Path folder;
    private final Behaviour behaviour;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "plain-http");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<String> ranges = new CopyOnWriteArrayList<>();

    private PlainHttpServer(Path folder, Behaviour behaviour) throws IOException {
        this.folder = folder;
        this.behaviour = behaviour;
        this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        connections.execute(this::acceptAll);
    }

    public static PlainHttpServer serving(Path folder, Behaviour behaviour) throws IOException {
        return new PlainHttpServer(folder, behaviour);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + (path.startsWith("/") ? path : "/" + path);
    }

    /** The Range header of each request, empty for none. */
    public List<String> rangeHeaders() {
        return List.copyOf(ranges);
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.execute(() -> answer(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            BufferedReader request = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            String requestLine = request.readLine();
            if (requestLine == null) {
                return;
            }
            String range = "";
            for (String header = request.readLine(); header != null && !header.isEmpty(); header = request.readLine()) {
                if (header.toLowerCase(Locale.ROOT).startsWith("range:")) {
                    range = header.substring(6).strip();
                }
            }
            ranges.add(range);
            Path file = folder.resolve(requestLine.split(" ")[1].substring(1));
            if (!Files.isRegularFile(file)) {
                out.write("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            send(Files.readAllBytes(file), out);
        } catch (IOException | InterruptedException gone) {
            // The client hung up, or the server is closing.
        }
    }

    private void send(byte[] body, OutputStream out) throws IOException, InterruptedException {
        if (behaviour == Behaviour.NO_ANSWER) {
            holdUntilClosed();
            return;
        }
        String length = behaviour == Behaviour.WHOLE_FILE_UNANNOUNCED ? "" : "Content-Length: " + body.length + "\r\n";
        out.write(("HTTP/1.0 200 OK\r\nContent-Type: video/mp4\r\n" + length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        switch (behaviour) {
            case WHOLE_FILE, WHOLE_FILE_UNANNOUNCED -> out.write(body);
            case STALL_AFTER_HEADERS -> holdUntilClosed();
            case SHORT_BODY -> {
                out.write(body, 0, body.length / 3);
                out.flush();
                holdUntilClosed();
            }
            case TRICKLE -> {
                for (int i = 0; i < body.length && !closing.await(TRICKLE_PAUSE_MILLIS, TimeUnit.MILLISECONDS); i++) {
                    out.write(body[i]);
                    out.flush();
                }
            }
            default -> throw new IllegalStateException(behaviour.toString());
        }
    }

    private void holdUntilClosed() throws InterruptedException {
        closing.await(5, TimeUnit.MINUTES);
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        socket.close();
        connections.shutdownNow();
    }
}
