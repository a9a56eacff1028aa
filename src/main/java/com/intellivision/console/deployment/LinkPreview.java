package com.intellivision.console.deployment;

import com.intellivision.console.job.LinkDetails;

/**
 * Looking a link up the way the deployment's workers would, before a job is made of it. Where the
 * deployment keeps what it looked up, a job submitted next on the same link starts from it, so the
 * link is resolved once.
 */
public interface LinkPreview {

    /**
     * What {@code link} leads to. Blocks while the site is asked (a second or so the first time).
     *
     * @throws Unusable if it cannot be used, saying why (private, unavailable, not a video) for people
     */
    LinkDetails preview(String link);

    /** A link that leads to no video a job could read, and why. */
    final class Unusable extends RuntimeException {
        public Unusable(String reason) {
            super(reason);
        }
    }
}
