package com.intellivision.console.server;

/** Decides whether a submitted link may be fetched by this server's workers. */
@FunctionalInterface
interface LinkCheck {

    /** @throws RefusedUrlException when it may not, saying why */
    void check(String link);

    /** Admits every link, files included: for a server started with {@code --allow-private-urls}. */
    LinkCheck ANY = link -> {};

    /** Public http(s) addresses only, after every redirect: what {@code serve} admits by default. */
    static LinkCheck publicOnly() {
        RedirectProbe probe = new RedirectProbe(SubmittedUrls.forServe(false));
        return probe::finalUrl;
    }
}
