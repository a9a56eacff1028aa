package com.intellivision.console.ui.common;

/** A job among all the console's deployments: the id of its deployment, and its id there. */
public record JobKey(String deploymentId, long jobId) {}
