package com.intellivision.console.ui;

/** Adding, editing and removing deployments, in dialogs over the window. */
final class DeploymentDialogs implements DeploymentListView.Actions {

    private final MainViewModel viewModel;

    DeploymentDialogs(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @Override
    public void add() {
    }

    @Override
    public void edit(DeploymentEntry entry) {
    }

    @Override
    public void remove(DeploymentEntry entry) {
    }
}
