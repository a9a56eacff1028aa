package com.intellivision.console.ui.common;

import com.intellivision.console.deployment.Deployment;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.testsupport.DeploymentContract;

/** The fake the view models are tested with keeps the promises real deployments keep. */
public class FakeDeploymentContractTest extends DeploymentContract {

    @Override
    protected Deployment open() {
        return new FakeDeployment().runningJobs();
    }

    @Override
    protected JobRequest completing() {
        return JobRequest.frame("https://youtu.be/clip0000001", null);
    }

    @Override
    protected JobRequest failing() {
        return JobRequest.frame("https://youtu.be/fail0000001", null);
    }

    @Override
    protected JobRequest lingering() {
        return JobRequest.frame("https://youtu.be/stay0000001", null);
    }
}
