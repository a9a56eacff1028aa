package com.intellivision.console.app;

import com.intellivision.console.media.MediaException;
import com.intellivision.console.media.YtDlpInstaller;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code update-yt-dlp}: installs the newest yt-dlp in the data directory, where the pool then finds it. */
@Command(name = "update-yt-dlp", mixinStandardHelpOptions = true,
        description = "Download the newest yt-dlp release into the data directory, checked against its published SHA-256 sums.")
final class UpdateYtDlpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The console's data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir = DataDirectory.standard();

    @Option(names = "--from", paramLabel = "URL", description = "Where the release's files are (default: ${DEFAULT-VALUE}).")
    URI from = YtDlpInstaller.LATEST_RELEASE;

    @Override
    public Integer call() {
        try {
            Path installed = new YtDlpInstaller(from).install(PoolOptions.binDir(dataDir));
            spec.commandLine().getOut().println("Installed " + installed + "; the local pool uses it from now on.");
            return 0;
        } catch (MediaException failed) {
            spec.commandLine().getErr().println(failed.getMessage());
            return 1;
        }
    }
}
