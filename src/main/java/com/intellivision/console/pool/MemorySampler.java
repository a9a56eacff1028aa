package com.intellivision.console.pool;

import java.util.OptionalLong;
import oshi.SystemInfo;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** Reads a process's resident memory, the same way on Linux, macOS and Windows. */
final class MemorySampler {

    private final SystemInfo system = new SystemInfo();
    private final OperatingSystem os = system.getOperatingSystem();
    private final GlobalMemory machine = system.getHardware().getMemory();

    /** Resident set size in bytes, or empty if the process is gone. */
    OptionalLong residentBytes(long pid) {
        OSProcess process = os.getProcess((int) pid);
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.getResidentSetSize());
    }

    /** The machine's physical memory and how much of it is available now. */
    SystemMemory machine() {
        return new SystemMemory(machine.getTotal(), machine.getAvailable());
    }
}
