package com.intellivision.console.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Locale;

/**
 * Asks a video's server for its first bytes with a Range request before FFmpeg opens it, to learn
 * whether it can seek (206 Partial Content) or sends the whole file whatever is asked (200), as simple
 * file servers such as Python's {@code http.server} do, and that it sends at a usable pace.
 * HttpURLConnection rather than java.net.http: its read timeout covers every read of the body.
 */
final class SeekCheck {

    private static final int PROBED_BYTES = PacedInput.MIN_BYTES_PER_WINDOW;

    /** What the server said; a {@link #wholeBody} answer holds the open body, to be read or closed. */
    record Answer(boolean seeks, HttpURLConnection wholeBody, PacedInput body, long announcedBytes) {

        static final Answer SEEKS_OR_UNKNOWN = new Answer(true, null, null, -1);

        void close() {
            if (wholeBody != null) {
                wholeBody.disconnect();
            }
        }
    }

    private SeekCheck() {}

    /**
     * @return whether the server seeks; when it seems not to be a video server at all (an error, a web
     *     page, nobody listening) it is left to FFmpeg, whose failure {@link OpenFailureDiagnosis} explains
     * @throws MediaException when the server does not answer or sends too slowly, within the read timeout
     */
    static Answer ask(VideoSource source, NetworkReading reading) throws MediaException {
        HttpURLConnection connection;
        int status;
        try {
            connection = (HttpURLConnection) URI.create(source.input()).toURL().openConnection();
            connection.setConnectTimeout(reading.readTimeoutMillis());
            connection.setReadTimeout(reading.readTimeoutMillis());
            connection.setRequestProperty("Range", "bytes=0-" + (PROBED_BYTES - 1));
            source.httpHeaders().forEach(connection::setRequestProperty);
            status = connection.getResponseCode();
        } catch (SocketTimeoutException silent) {
            throw new MediaException(ServerWords.server(source) + " accepted the connection but did not answer within "
                    + PacedInput.seconds(reading.readTimeout()) + ". " + ServerWords.RETRY_ADVICE, silent);
        } catch (IOException | IllegalArgumentException unreachable) {
            return Answer.SEEKS_OR_UNKNOWN;
        }
        try {
            if (status == HttpURLConnection.HTTP_PARTIAL) {
                checkPace(source, reading, connection);
                return Answer.SEEKS_OR_UNKNOWN;
            }
            if (status == HttpURLConnection.HTTP_OK && looksLikeVideo(connection.getContentType())) {
                PacedInput body = new PacedInput(connection.getInputStream(), reading.readTimeout());
                return new Answer(false, connection, body, connection.getContentLengthLong());
            }
        } catch (PacedInput.TooSlow slow) {
            connection.disconnect();
            throw new MediaException(ServerWords.tooSlow(source, slow, connection.getContentLengthLong()), slow);
        } catch (IOException broken) {
            connection.disconnect();
            return Answer.SEEKS_OR_UNKNOWN;
        }
        connection.disconnect();
        return Answer.SEEKS_OR_UNKNOWN;
    }

    /** Reads the probed bytes, so a server that stalls or trickles is found out here, where the pace is measured. */
    private static void checkPace(VideoSource source, NetworkReading reading, HttpURLConnection connection) throws IOException {
        try (InputStream body = new PacedInput(connection.getInputStream(), reading.readTimeout())) {
            byte[] buffer = new byte[PROBED_BYTES];
            int read = 0;
            while (read < PROBED_BYTES) {
                int n = body.read(buffer, read, PROBED_BYTES - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } finally {
            connection.disconnect();
        }
    }

    /** A page, an image or an error document is not spooled: FFmpeg's failure on it is explained better. */
    private static boolean looksLikeVideo(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return !(type.startsWith("text/") || type.startsWith("image/") || type.contains("html") || type.contains("json")
                || type.contains("xml"));
    }
}
