package com.intellivision.console.app;

import com.intellivision.console.deployment.DeploymentCatalog;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.deployment.SavedDeployments;
import com.intellivision.console.deployment.settings.SecretStore;
import com.intellivision.console.deployment.settings.SecretStores;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.ui.settings.SettingsFile;
import com.intellivision.console.ui.shell.ConsoleApplication;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * The program's entry point. With no command it opens the console window on the local pool; with a
 * command it works in the terminal. Not the JavaFX {@code Application} itself, so that JavaFX can be
 * started from a plain class path.
 */
@Command(name = "intellivision-console", mixinStandardHelpOptions = true, version = "IntelliVision Console 0.1",
        description = "Desktop console for IntelliVision video jobs. With no command, opens the window on the local pool.",
        subcommands = {FrameCommand.class, CountCommand.class, SubmitCommand.class, JobsCommand.class, ServeCommand.class,
            UpdateYtDlpCommand.class})
public final class Main implements Callable<Integer> {

    /** The exit code when the window cannot open here. */
    static final int NO_WINDOW = 3;

    @Mixin
    PoolOptions pool = new PoolOptions();

    @Option(names = "--demo",
            description = "Open the window on a demo workload made on this machine, in a fresh temporary data directory (yours is left alone).")
    boolean demo;

    /** Where the secrets of saved deployments are read, given the data directory. */
    private final Function<Path, SecretStore> secretStores;

    Main(Function<Path, SecretStore> secretStores) {
        this.secretStores = secretStores;
    }

    public static void main(String[] args) {
        int exitCode = commandLine().execute(args);
        if (exitCode != 0 || args.length > 0) {
            System.exit(exitCode);
        }
    }

    /** The command line with its commands, reporting failures as one message rather than a stack trace. */
    static CommandLine commandLine() {
        return commandLine(SecretStores::best);
    }

    /** As {@link #commandLine()}, reading saved secrets from the store {@code secretStores} gives for the data directory. */
    static CommandLine commandLine(Function<Path, SecretStore> secretStores) {
        return new CommandLine(new Main(secretStores))
                .setParameterExceptionHandler(Main::reportWrongOptions)
                .setExecutionExceptionHandler((failure, commandLine, parsed) -> {
                    commandLine.getErr().println("Error: " + failure.getMessage());
                    return 1;
                });
    }

    /** What is wrong and where the help is, rather than the whole help, which would bury the message. */
    private static int reportWrongOptions(ParameterException wrong, String[] args) {
        CommandLine command = wrong.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(wrong.getMessage());
        UnmatchedArgumentException.printSuggestions(wrong, err);
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help' for every option.");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The secret store of {@code dataDir}: chosen once per run, since choosing may probe the keychain. */
    SecretStore secretStore(Path dataDir) {
        return secretStores.apply(dataDir);
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<String> noDisplay = WindowSupport.missingDisplay(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"));
        if (noDisplay.isPresent()) {
            spec.commandLine().getErr().println(noDisplay.get());
            return NO_WINDOW;
        }
        if (demo) {
            return openDemo();
        }
        SettingsFile settings = SettingsFile.in(pool.dataDir);
        PoolConfig config = pool.toConfig(Runtime.getRuntime().availableProcessors(), settings.load().localPool());
        return openWindow(() -> SavedDeployments.open(LocalDeployment.start(config, new LocalLinkPreview(config), new LocalFirstRunHelp(config)), pool.dataDir), settings);
    }

    private int openDemo() {
        try (DemoConsole console = DemoConsole.prepare(pool, Path.of(System.getProperty("java.io.tmpdir")))) {
            spec.commandLine().getOut().println("Demo: its jobs, settings and serve are kept in " + console.dataDir()
                    + ", which stays there after the console closes.");
            spec.commandLine().getOut().flush();
            return openWindow(console::openCatalogWithWorkload, console.windowSettings());
        } catch (IOException cannotPrepare) {
            spec.commandLine().getErr().println("The demo could not start: " + cannotPrepare.getMessage());
            return 1;
        }
    }

    private int openWindow(Supplier<DeploymentCatalog> deployments, SettingsFile settings) {
        try {
            ConsoleApplication.launch(deployments, settings);
        } catch (RuntimeException | LinkageError toolkitFailed) {
            spec.commandLine().getErr().println(WindowSupport.explain(toolkitFailed));
            return NO_WINDOW;
        }
        return 0;
    }
}
