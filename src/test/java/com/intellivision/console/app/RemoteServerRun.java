package com.intellivision.console.app;

import com.intellivision.console.testsupport.FakeIntelliVisionServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs commands against a fake IntelliVision server given with --server and a token file, in a data directory of their own. */
final class RemoteServerRun {

    final FakeIntelliVisionServer server;
    final Path dataDir;
    final Path tokenFile;

    RemoteServerRun(FakeIntelliVisionServer server, Path folder) throws IOException {
        this.server = server;
        this.dataDir = folder.resolve("data");
        this.tokenFile = Files.writeString(folder.resolve("access.token"), FakeIntelliVisionServer.ACCESS_TOKEN + "\n");
    }

    /** {@code command}, its arguments, then the server's options and the data directory. */
    CommandRun run(String... commandAndArguments) {
        List<String> args = new ArrayList<>(List.of(commandAndArguments));
        args.addAll(List.of("--server", server.url(), "--token-file", tokenFile.toString(), "--data-dir", dataDir.toString()));
        return CommandRun.of(args.toArray(String[]::new));
    }
}
