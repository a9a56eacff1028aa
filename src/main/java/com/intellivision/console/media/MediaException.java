package com.intellivision.console.media;

/**
 * A video could not be read or a frame could not be taken. The message is written for the person who
 * submitted the job: what happened and, where there is one, what to do about it.
 */
public class MediaException extends Exception {

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
