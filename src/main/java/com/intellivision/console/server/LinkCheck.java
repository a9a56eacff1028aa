package com.intellivision.console.server;

/** Decides whether a submitted link may be fetched by this server's workers. */
@FunctionalInterface
interface LinkCheck {

    /** @throws RefusedLink when it may not, saying why */
    void check(String link);

    /** Admits every link: for a server started to fetch private addresses too. */
    LinkCheck ANY = link -> {};

    /** A link this server will not fetch, with the IntelliVision error code to answer with. */
    final class RefusedLink extends RuntimeException {
        private final String code;

        RefusedLink(String message, String code) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
