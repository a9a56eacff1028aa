package com.intellivision.console.app;

import com.intellivision.console.deployment.settings.OwnerOnlySecretFile;
import com.intellivision.console.deployment.settings.SecretStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine;

/** One run of the program's command line, as a user types it, with what it printed. */
record CommandRun(int exitCode, String stdout, String stderr) {

    /**
     * Secrets are read from the owner-only file of the data directory, never from this machine's keychain,
     * which the real command line may choose.
     */
    static CommandRun of(String... args) {
        return withSecretsIn(OwnerOnlySecretFile::new, args);
    }

    static CommandRun withSecretsIn(Function<Path, SecretStore> secretStores, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(secretStores);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
