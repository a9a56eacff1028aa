package com.intellivision.console.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The checks every deployment makes of a retry with edited inputs, before any job exists: the same
 * kind of job, a source the console can use, and settings the job's type accepts. Read from the text
 * alone, as the submit bar reads it; a deployment adds its own checks (a serve's link guard) after.
 */
public final class RetryEdits {

    private RetryEdits() {}

    /**
     * The edited request with its settings in their normal form.
     *
     * @throws IllegalArgumentException with what is wrong with the edit, for people
     */
    public static JobRequest checked(Job original, JobRequest edited) {
        if (edited.type() != original.type()) {
            throw new IllegalArgumentException("A retry runs the same kind of job: job #" + original.id() + " is a "
                    + lower(original.type()) + ", not a " + lower(edited.type()) + ".");
        }
        VideoLinks.Reading source = VideoLinks.read(edited.url());
        if (!source.usable()) {
            throw new IllegalArgumentException(source.problem().isEmpty() ? "Give the video's link or the path of its file." : source.problem());
        }
        try {
            return switch (edited.type()) {
                case YOUTUBE_FRAME_EXTRACTION -> JobRequest.frame(edited.url(), edited.frameParams());
                case PEOPLE_COUNT -> JobRequest.count(edited.url(), edited.countParams());
                default -> JobRequest.analysis(edited.type(), edited.url(), edited.params());
            };
        } catch (IllegalArgumentException unreadable) {
            throw new IllegalArgumentException(capitalized(innermostMessage(unreadable)) + ".", unreadable);
        }
    }

    /** A request's settings with their defaults written out, so that two ways of writing one setting compare equal. */
    public static ObjectNode normalParams(JobRequest request) {
        try {
            return switch (request.type()) {
                case YOUTUBE_FRAME_EXTRACTION -> JobJson.mapper().valueToTree(request.frameParams());
                case PEOPLE_COUNT -> JobJson.mapper().valueToTree(request.countParams());
                default -> request.params();
            };
        } catch (IllegalArgumentException unreadable) {
            return request.params();
        }
    }

    /** Jackson wraps the settings' own message in its own; people need only the settings' words. */
    private static String innermostMessage(Throwable failure) {
        Throwable inner = failure;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        String message = inner.getMessage() == null ? "the settings cannot be read" : inner.getMessage();
        if (inner instanceof JsonProcessingException json) {
            message = json.getOriginalMessage();
        }
        int end = message.endsWith(".") ? message.length() - 1 : message.length();
        return message.substring(0, end);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static String lower(JobType type) {
        return type.displayName().toLowerCase(Locale.ROOT);
    }
}
