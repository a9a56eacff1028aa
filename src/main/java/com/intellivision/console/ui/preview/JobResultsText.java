package com.intellivision.console.ui.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.JobJson;

/** A job's results as people can read them: indented JSON. */
public final class JobResultsText {

    private JobResultsText() {}

    static String of(JsonNode results) {
        try {
            return JobJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results);
        } catch (JsonProcessingException impossible) {
            // A tree read from JSON always writes back; show it plain if it ever does not.
            return results.toString();
        }
    }
}
