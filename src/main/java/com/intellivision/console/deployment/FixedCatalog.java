package com.intellivision.console.deployment;

import java.util.List;

/** A catalog of the deployments given, which people cannot add to: for a console opened on chosen deployments. */
public final class FixedCatalog implements DeploymentCatalog {

    private final List<Deployment> deployments;

    public FixedCatalog(List<Deployment> deployments) {
        this.deployments = List.copyOf(deployments);
    }

    @Override
    public List<Deployment> deployments() {
        return deployments;
    }

    @Override
    public void close() {
        deployments.forEach(Deployment::close);
    }
}
