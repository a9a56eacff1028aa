package com.intellivision.console.media;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A server's body that must keep coming: it fails with {@link TooSlow} when the server is silent for
 * the read timeout (the socket's own timeout, set by the caller) or sends less than
 * {@value #MIN_BYTES_PER_WINDOW} bytes in one timeout's time, as a server that trickles a byte at a
 * time would never trip a timeout of silence alone.
 */
final class PacedInput extends FilterInputStream {

    /** 64 KiB per 20 s is 3.2 KiB/s: below that, not even a small video's first frame arrives within a job's time limit. */
    static final int MIN_BYTES_PER_WINDOW = 64 * 1024;

    /** The server stopped sending or sends too slowly; the message says which, in words for people. */
    static final class TooSlow extends IOException {
        private final long received;

        TooSlow(String message, long received) {
            super(message);
            this.received = received;
        }

        /** Bytes that came before the server failed. */
        long received() {
            return received;
        }
    }

    private final Duration timeout;
    private final long windowNanos;
    private long windowStart = System.nanoTime();
    private long windowBytes;
    private long total;

    PacedInput(InputStream in, Duration timeout) {
        super(in);
        this.timeout = timeout;
        this.windowNanos = timeout.toNanos();
    }

    /** Bytes read so far. */
    long total() {
        return total;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (SocketTimeoutException silent) {
            throw new TooSlow("stopped sending: nothing came for " + seconds(timeout) + " after " + Sizes.of(total), total);
        }
        if (n > 0) {
            total += n;
            windowBytes += n;
        }
        long now = System.nanoTime();
        if (n >= 0 && now - windowStart >= windowNanos) {
            if (windowBytes < MIN_BYTES_PER_WINDOW) {
                throw new TooSlow("sends too slowly: only " + Sizes.of(windowBytes) + " came in " + seconds(timeout) + " (at least "
                        + Sizes.of(MIN_BYTES_PER_WINDOW) + " are needed in that time)", total);
            }
            windowStart = now;
            windowBytes = 0;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        int read = read(scratch, 0, scratch.length);
        return Math.max(read, 0);
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
