package com.intellivision.console.ui.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A rule's alert as the list of past alerts keeps it.
 *
 * @param deploymentId the deployment it was about, to show it when the alert is chosen
 * @param deployment that deployment's name when the alert fired
 * @param rule the rule as it was set then, such as "Queue longer than 50"
 * @param value the reading that fired it, such as "73 jobs" or "12 % of 40 jobs"
 */
public record PastAlert(
        Instant at,
        @JsonProperty("deployment_id") String deploymentId,
        String deployment,
        String rule,
        String message,
        String value) {}
