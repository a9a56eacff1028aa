package com.intellivision.console.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.intellivision.console.job.JobJson;

/** Encodes and decodes {@link WorkerMessage}s as single JSON lines. */
public final class WorkerProtocol {

    private WorkerProtocol() {}

    public static String encode(WorkerMessage message) {
        try {
            return JobJson.mapper().writeValueAsString(message);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("cannot encode " + message, impossible);
        }
    }

    /** @throws IllegalArgumentException if the line is not a protocol message */
    public static WorkerMessage decode(String line) {
        try {
            return JobJson.mapper().readValue(line, WorkerMessage.class);
        } catch (JsonProcessingException notAMessage) {
            throw new IllegalArgumentException("not a worker message: " + line, notAMessage);
        }
    }
}
