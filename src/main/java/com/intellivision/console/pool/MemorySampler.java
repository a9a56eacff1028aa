package com.intellivision.console.pool;

import java.util.OptionalLong;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** Reads a process's resident memory, the same way on Linux, macOS and Windows. */
final class MemorySampler {

    private final OperatingSystem os = new SystemInfo().getOperatingSystem();

    /** Resident set size in bytes, or empty if the process is gone. */
    OptionalLong residentBytes(long pid) {
        OSProcess process = os.getProcess((int) pid);
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.getResidentSetSize());
    }
}
