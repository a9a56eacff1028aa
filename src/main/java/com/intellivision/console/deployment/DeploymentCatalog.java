package com.intellivision.console.deployment;

import java.util.List;
import java.util.Optional;

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

    /** Adding, changing and removing deployments; empty for a catalog fixed when the console opened. */
    default Optional<CatalogEditor> editor() {
        return Optional.empty();
    }

    /** Something people should know about how the catalog opened (a settings file set aside), or empty. */
    default Optional<String> openingProblem() {
        return Optional.empty();
    }

    /** Closes every deployment. */
    @Override
    void close();
}
