package com.intellivision.console.app;

import com.intellivision.console.deployment.Deployment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Refuses options that were typed but that the chosen deployment cannot honour, before anything is sent to it. */
final class RefusedOptions {

    private RefusedOptions() {}

    /** @param reason why the deployment has no use for the options, as its capabilities say it */
    static void refuseIfGiven(CommandSpec spec, Deployment deployment, String reason, String... options) {
        List<String> given = Arrays.stream(options).filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
        if (given.isEmpty()) {
            return;
        }
        String because = reason.strip().replaceAll("\\.$", "");
        throw new ParameterException(spec.commandLine(), listed(given) + " cannot be used with " + deployment.displayName()
                + ": the server picks its own settings (" + because.substring(0, 1).toLowerCase(Locale.ROOT) + because.substring(1)
                + "). Leave " + (given.size() == 1 ? "it" : "them") + " out, or run the job on the local pool.");
    }

    private static String listed(List<String> options) {
        if (options.size() == 1) {
            return options.get(0);
        }
        return String.join(", ", options.subList(0, options.size() - 1)) + " and " + options.get(options.size() - 1);
    }
}
