package com.intellivision.console.deployment;

import java.util.List;

/**
 * The console's deployments: the local pool, always first, and the remote ones people added. The
 * window shows them all in one list.
 */
public interface DeploymentCatalog extends AutoCloseable {

    /** Alert when more jobs than this wait, unless a deployment's settings say otherwise. */
    int DEFAULT_BACKLOG_ALERT = 100;

    /** The deployments, the local pool first. */
    List<Deployment> deployments();

    /** How many waiting jobs are too many on a deployment: an alert fires above it. */
    default int backlogThreshold(String deploymentId) {
        return DEFAULT_BACKLOG_ALERT;
    }

    /** Closes every deployment. */
    @Override
    void close();
}
