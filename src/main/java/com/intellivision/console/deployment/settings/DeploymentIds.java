package com.intellivision.console.deployment.settings;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Stable ids of remote deployments: a readable part taken from the first name plus a random suffix,
 * so renaming keeps the id (and with it the secrets) and two deployments never share one.
 */
final class DeploymentIds {

    /** The id of the console's own pool, which is never stored here. */
    static final String LOCAL = "local";

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 64;
    private static final int READABLE_LENGTH = 40;
    private static final int SUFFIX_LENGTH = 6;
    private static final String SUFFIX_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final RandomGenerator RANDOM = new SecureRandom();

    private DeploymentIds() {}

    static String fromName(String name) {
        String readable = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-");
        readable = trimDashes(readable.length() > READABLE_LENGTH ? readable.substring(0, READABLE_LENGTH) : readable);
        StringBuilder id = new StringBuilder(readable.isEmpty() ? "deployment" : readable).append('-');
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            id.append(SUFFIX_CHARACTERS.charAt(RANDOM.nextInt(SUFFIX_CHARACTERS.length())));
        }
        return id.toString();
    }

    static String check(String id) {
        if (id == null || id.length() > MAX_LENGTH || !VALID.matcher(id).matches()) {
            throw new IllegalArgumentException("A deployment id is made of lowercase letters, digits and single dashes, at most "
                    + MAX_LENGTH + " characters, not \"" + id + "\".");
        }
        if (id.equals(LOCAL)) {
            throw new IllegalArgumentException("The id \"local\" belongs to this console's own pool.");
        }
        return id;
    }

    private static String trimDashes(String text) {
        return text.replaceAll("^-+|-+$", "");
    }
}
