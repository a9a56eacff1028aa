package com.intellivision.console.deployment;

import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.DeploymentContract;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.TestVideos;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the local pool: a real worker process, a real SQLite file, real videos. */
class LocalDeploymentContractTest extends DeploymentContract {

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private static Path video;
    private static LoopbackHttpServer stalling;

    @BeforeAll
    static void makeVideo() throws Exception {
        video = TestVideos.writeFrameCodedVideo(shared.resolve("clip.mp4"), 2, 25, 160, 120);
        stalling = LoopbackHttpServer.serving(shared);
    }

    @AfterAll
    static void stopServer() {
        stalling.close();
    }

    @Override
    protected Deployment open() {
        return LocalDeployment.start(PoolConfig.defaults(temp.resolve("pool")).withWorkerCount(1));
    }

    @Override
    protected JobRequest completing() {
        return JobRequest.frame(video.toString(), FrameParams.at(1.0));
    }

    @Override
    protected JobRequest failing() {
        return JobRequest.frame(shared.resolve("no-such-video.mp4").toString(), null);
    }

    @Override
    protected JobRequest lingering() {
        return JobRequest.frame(stalling.url(LoopbackHttpServer.STALLING_VIDEO), null);
    }
}
