package com.intellivision.console.pool;

/** Says in words how a process ended. */
final class ExitCodes {

    private ExitCodes() {}

    static String describe(int exitCode) {
        // A JVM killed by a Unix signal reports 128 + the signal's number.
        if (exitCode > 128 && exitCode < 128 + 65) {
            int signal = exitCode - 128;
            return "exit code " + exitCode + ", killed by signal " + signal + signalName(signal);
        }
        return "exit code " + exitCode;
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> " (SIGKILL, often the system's out-of-memory killer)";
            case 15 -> " (SIGTERM)";
            case 11 -> " (SIGSEGV, a crash in native code)";
            case 6 -> " (SIGABRT, a crash in native code)";
            default -> "";
        };
    }
}
