package com.intellivision.console.ui.common;

import com.intellivision.console.job.EngineEvent;

/** An engine event with the deployment that reported it, as the window receives them. */
public record SourcedEvent(String deploymentId, EngineEvent event) {}
