package com.intellivision.console.deployment.settings;

/**
 * Secrets could not be read, stored or deleted. The message is fit to show and holds no secret; for
 * the same reason the third-party exception behind it is summed up in the message rather than
 * attached, since its text and stack are not ours to vouch for.
 */
public final class SecretStoreException extends RuntimeException {

    SecretStoreException(String message) {
        super(message);
    }
}
