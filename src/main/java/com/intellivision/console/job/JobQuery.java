package com.intellivision.console.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What people look for among the stored jobs: words, and filters on what a job is. A job matches when
 * every word of the text begins a word of its text (its id, link or path, type, status, error, and its
 * worker or task), regardless of case, and it passes every filter. The answer is newest first.
 *
 * @param text the words to look for, as people typed them; blank for none
 * @param statuses the states a job may be in; empty for any
 * @param types the kinds of job; empty for any
 * @param deadLettersOnly only jobs that failed for good after using up their retries
 * @param limit at most this many jobs
 */
public record JobQuery(String text, Set<JobStatus> statuses, Set<JobType> types, boolean deadLettersOnly, int limit) {

    /** As many jobs as a list shows at once. */
    public static final int DEFAULT_LIMIT = 500;

    public JobQuery {
        text = text == null ? "" : text;
        statuses = Collections.unmodifiableSet(statuses == null || statuses.isEmpty() ? EnumSet.noneOf(JobStatus.class) : EnumSet.copyOf(statuses));
        types = Collections.unmodifiableSet(types == null || types.isEmpty() ? EnumSet.noneOf(JobType.class) : EnumSet.copyOf(types));
        if (limit < 1) {
            throw new IllegalArgumentException("a search returns at least one job, not " + limit);
        }
    }

    /** Every job, newest first, as many as a list shows. */
    public static JobQuery all() {
        return new JobQuery("", Set.of(), Set.of(), false, DEFAULT_LIMIT);
    }

    /** The jobs whose text has these words. */
    public static JobQuery text(String text) {
        return all().withText(text);
    }

    public JobQuery withText(String newText) {
        return new JobQuery(newText, statuses, types, deadLettersOnly, limit);
    }

    public JobQuery withStatuses(Collection<JobStatus> newStatuses) {
        return new JobQuery(text, Set.copyOf(newStatuses), types, deadLettersOnly, limit);
    }

    public JobQuery withStatuses(JobStatus... newStatuses) {
        return withStatuses(List.of(newStatuses));
    }

    public JobQuery withTypes(Collection<JobType> newTypes) {
        return new JobQuery(text, statuses, Set.copyOf(newTypes), deadLettersOnly, limit);
    }

    public JobQuery withTypes(JobType... newTypes) {
        return withTypes(List.of(newTypes));
    }

    public JobQuery deadLetters(boolean only) {
        return new JobQuery(text, statuses, types, only, limit);
    }

    public JobQuery withLimit(int newLimit) {
        return new JobQuery(text, statuses, types, deadLettersOnly, newLimit);
    }

    /**
     * The words of the text as they are matched, each once: the text is split at white space into words,
     * and each word into its pieces of letters and digits (accents stay with their letters), so that
     * {@code youtube.com/watch} is the pieces {@code youtube}, {@code com}, {@code watch} in that order.
     * Quotes, stars, colons, brackets, dashes and the like only separate pieces; they are never operators.
     * A word without a letter or digit is left out.
     */
    public List<List<String>> words() {
        Set<List<String>> words = new LinkedHashSet<>();
        for (String word : text.strip().split("\\s+")) {
            List<String> pieces = piecesOf(word);
            if (!pieces.isEmpty()) {
                words.add(List.copyOf(pieces));
            }
        }
        return List.copyOf(words);
    }

    /** Whether there are words to look for, rather than only filters. */
    public boolean hasWords() {
        return !words().isEmpty();
    }

    private static List<String> piecesOf(String word) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        boolean hasLetterOrDigit = false;
        for (int i = 0; i <= word.length(); ) {
            int c = i < word.length() ? word.codePointAt(i) : ' ';
            i += Character.charCount(c);
            if (isLetterOrDigit(c) || isMark(c)) {
                piece.appendCodePoint(c);
                hasLetterOrDigit |= isLetterOrDigit(c);
            } else {
                if (hasLetterOrDigit) {
                    pieces.add(piece.toString());
                }
                piece.setLength(0);
                hasLetterOrDigit = false;
            }
        }
        return pieces;
    }

    private static boolean isLetterOrDigit(int c) {
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** An accent written after its letter, as in a decomposed é. */
    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }
}
