package com.intellivision.console.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP relay on 127.0.0.1 in front of an HTTP server: it passes bytes through unchanged (the server
 * behind it answers Range requests itself), counts what the server sends to clients and, if given a
 * rate, holds each connection's responses to that many bytes per second, like a slow link would.
 */
final class ThrottledProxy implements AutoCloseable {

    /** The rate that means "as fast as the loopback goes". */
    static final long UNLIMITED = 0;

    private static final int UNLIMITED_CHUNK = 64 * 1024;
    /** Small chunks keep a throttled connection's pace even, not bursty. */
    private static final int THROTTLED_CHUNK = 16 * 1024;

    private final ServerSocket listener;
    private final int upstreamPort;
    private final long bytesPerSecond;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "throttled-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesToClients = new AtomicLong();

    private ThrottledProxy(ServerSocket listener, int upstreamPort, long bytesPerSecond) {
        this.listener = listener;
        this.upstreamPort = upstreamPort;
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Relays to the server at {@code upstreamUrl} (on 127.0.0.1); {@code bytesPerSecond} 0 for unlimited. */
    static ThrottledProxy start(String upstreamUrl, long bytesPerSecond) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ThrottledProxy proxy = new ThrottledProxy(listener, URI.create(upstreamUrl).getPort(), bytesPerSecond);
        proxy.threads.execute(proxy::acceptLoop);
        return proxy;
    }

    String url(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + (path.startsWith("/") ? path : "/" + path);
    }

    /** Bytes sent to clients (headers and bodies) since the last call, which starts a new count. */
    long takeBytesSent() {
        return bytesToClients.getAndSet(0);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            relay(client);
        }
    }

    private void relay(Socket client) {
        Socket upstream = new Socket();
        open.add(client);
        open.add(upstream);
        try {
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            threads.execute(() -> requests(client, upstream));
            threads.execute(() -> responses(upstream, client));
        } catch (IOException refused) {
            // Only this client fails; it sees its connection closed.
            closeBoth(client, upstream);
        }
    }

    /** Client to server, unthrottled; a client that ends its side is passed on as a half close. */
    private void requests(Socket client, Socket upstream) {
        try (InputStream in = client.getInputStream()) {
            OutputStream out = upstream.getOutputStream();
            in.transferTo(out);
            upstream.shutdownOutput();
        } catch (IOException gone) {
            closeBoth(client, upstream);
        }
    }

    /** Server to client, counted and paced; when either side ends, the connection ends. */
    private void responses(Socket upstream, Socket client) {
        byte[] chunk = new byte[bytesPerSecond == UNLIMITED ? UNLIMITED_CHUNK : THROTTLED_CHUNK];
        long started = System.nanoTime();
        long sent = 0;
        try (InputStream in = upstream.getInputStream()) {
            OutputStream out = client.getOutputStream();
            int read;
            while ((read = in.read(chunk)) > 0) {
                awaitTurn(started, sent);
                out.write(chunk, 0, read);
                sent += read;
                bytesToClients.addAndGet(read);
            }
        } catch (IOException gone) {
            // The client hung up (a seek often does) or the proxy is closing.
        } finally {
            closeBoth(client, upstream);
        }
    }

    /** Waits until sending {@code sent} bytes since {@code started} keeps to the rate. */
    private void awaitTurn(long started, long sent) {
        if (bytesPerSecond == UNLIMITED) {
            return;
        }
        long due = started + sent * 1_000_000_000L / bytesPerSecond;
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private void closeBoth(Socket client, Socket upstream) {
        closeQuietly(client);
        closeQuietly(upstream);
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that was wanted.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(this::closeQuietly);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
