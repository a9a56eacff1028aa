package com.intellivision.console.deployment.settings;

/** What answers at a deployment's address. */
public enum DeploymentKind {
    /** An IntelliVision server, optionally with a Celery Flower endpoint for its queue. */
    INTELLIVISION,
    /** Another console serving its own pool over HTTP. */
    CONSOLE_SERVE
}
