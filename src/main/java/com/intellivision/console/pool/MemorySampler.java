package com.intellivision.console.pool;

import java.util.Objects;
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

    /**
     * Resident set size in bytes of the process and its children, or empty if the process is gone. A
     * worker's children are its own (the warm resolver with yt-dlp loaded), so they count as its
     * memory: they are shown with it, and recycling the worker above its limit ends them too.
     */
    OptionalLong residentBytes(long pid) {
        OSProcess process = os.getProcess((int) pid);
        if (process == null) {
            return OptionalLong.empty();
        }
        long children = ProcessHandle.of(pid).stream().flatMap(ProcessHandle::children)
                .map(child -> os.getProcess((int) child.pid())).filter(Objects::nonNull)
                .mapToLong(OSProcess::getResidentSetSize).sum();
        return OptionalLong.of(process.getResidentSetSize() + children);
    }

    /** The machine's physical memory and how much of it is available now. */
    SystemMemory machine() {
        return new SystemMemory(machine.getTotal(), machine.getAvailable());
    }
}
