package com.intellivision.console.app;

import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.deployment.SavedDeployments;
import com.intellivision.console.ui.ConsoleApplication;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The program's entry point. With no command it opens the console window on the local pool; with a
 * command it works in the terminal. Not the JavaFX {@code Application} itself, so that JavaFX can be
 * started from a plain class path.
 */
@Command(name = "intellivision-console", mixinStandardHelpOptions = true, version = "IntelliVision Console 0.1",
        description = "Desktop console for IntelliVision video jobs. With no command, opens the window on the local pool.",
        subcommands = {FrameCommand.class, CountCommand.class, UpdateYtDlpCommand.class})
public final class Main implements Callable<Integer> {

    @Mixin
    PoolOptions pool = new PoolOptions();

    public static void main(String[] args) {
        int exitCode = commandLine().execute(args);
        if (exitCode != 0 || args.length > 0) {
            System.exit(exitCode);
        }
    }

    /** The command line with its commands, reporting failures as one message rather than a stack trace. */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler((failure, commandLine, parsed) -> {
            commandLine.getErr().println("Error: " + failure.getMessage());
            return 1;
        });
    }

    @Override
    public Integer call() {
        ConsoleApplication.launch(() -> SavedDeployments.open(LocalDeployment.start(pool.toConfig(Runtime.getRuntime().availableProcessors())),
                pool.dataDir));
        return 0;
    }
}
