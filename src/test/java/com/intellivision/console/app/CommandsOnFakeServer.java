package com.intellivision.console.app;

import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests of commands run on a fake IntelliVision server on the loopback, started afresh for each test. */
abstract class CommandsOnFakeServer {

    @TempDir
    Path temp;

    FakeIntelliVisionServer server;
    RemoteServerRun remote;

    @BeforeEach
    void startServer() throws Exception {
        server = FakeIntelliVisionServer.start();
        remote = new RemoteServerRun(server, temp);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
