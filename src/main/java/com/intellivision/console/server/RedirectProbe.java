package com.intellivision.console.server;

import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a direct video link's redirects itself, so that a link on a public host cannot lead the
 * worker to a private one. Every hop is checked by {@link SubmittedUrls} before it is connected to,
 * and the connection goes only to the addresses that were checked ({@link PinnedDns}). YouTube links
 * are only checked: yt-dlp resolves them in the worker.
 */
public final class RedirectProbe {

    static final int MAX_REDIRECTS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(RedirectProbe.class);

    private final SubmittedUrls guard;
    private final OkHttpClient client;

    public RedirectProbe(SubmittedUrls guard) {
        this.guard = guard;
        this.client = new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                // A proxy would resolve the host itself, out of reach of the checked addresses.
                .proxy(Proxy.NO_PROXY)
                .connectTimeout(TIMEOUT)
                .readTimeout(TIMEOUT)
                .callTimeout(TIMEOUT.multipliedBy(3))
                .build();
    }

    /**
     * The URL the worker should fetch: the link itself, or where its redirects end. Throws
     * {@link RefusedUrlException} if the link or any hop is refused, or if there are more than
     * {@value #MAX_REDIRECTS} redirects. A hop that cannot be reached ends the probe without
     * refusing: the worker reports that failure in its own words.
     */
    public URI finalUrl(String url) {
        CheckedUrl current = guard.check(url);
        PinnedDns dns = new PinnedDns();
        OkHttpClient pinned = client.newBuilder().dns(dns).build();
        for (int redirects = 0; !current.isYouTube(); redirects++) {
            HttpUrl request = requestUrl(current);
            dns.pin(current);
            Optional<String> location;
            try {
                location = redirectOf(pinned, request);
            } catch (IOException e) {
                LOG.info("Could not probe {}: {}", request, e.toString());
                return current.uri();
            }
            if (location.isEmpty()) {
                return current.uri();
            } else if (redirects == MAX_REDIRECTS) {
                throw RefusedUrlException.invalid("The link " + url + " redirects more than " + MAX_REDIRECTS
                        + " times; submit the address the video is finally served from.");
            }
            current = checkedRedirect(request, location.get());
        }
        return current.uri();
    }

    /**
     * The hop's URL for OkHttp, its host set to the very host that was checked. A link OkHttp cannot
     * read is refused rather than passed on unprobed, as its redirects could not be checked.
     */
    private static HttpUrl requestUrl(CheckedUrl checked) {
        try {
            return HttpUrl.get(checked.uri().toString()).newBuilder().host(checked.host()).build();
        } catch (IllegalArgumentException unreadable) {
            throw RefusedUrlException.invalid("The link " + checked.uri() + " cannot be followed (" + unreadable.getMessage()
                    + "); submit the address the video is served from.");
        }
    }

    private CheckedUrl checkedRedirect(HttpUrl from, String location) {
        HttpUrl next = from.resolve(location);
        if (next == null) {
            throw RefusedUrlException.invalid("The link redirects to " + location
                    + ", which is not an http or https URL; this server follows only http and https links.");
        }
        try {
            return guard.check(next.toString());
        } catch (RefusedUrlException refused) {
            throw new RefusedUrlException(refused.code(), "The link redirects to " + next + ". " + refused.getMessage());
        }
    }

    /** Where the response sends us, or empty if it is not a redirect. Servers that refuse HEAD get a one-byte GET. */
    private static Optional<String> redirectOf(OkHttpClient client, HttpUrl url) throws IOException {
        try (Response head = client.newCall(new Request.Builder().url(url).head().build()).execute()) {
            if (head.code() != 405 && head.code() != 501) {
                return locationOf(head);
            }
        }
        Request rangedGet = new Request.Builder().url(url).header("Range", "bytes=0-0").build();
        try (Response get = client.newCall(rangedGet).execute()) {
            return locationOf(get);
        }
    }

    private static Optional<String> locationOf(Response response) {
        return response.isRedirect() ? Optional.ofNullable(response.header("Location")) : Optional.empty();
    }
}
