package com.intellivision.console.deployment;

/** The memory of the machine a deployment's workers run on, as the operating system reports it now. */
public record MachineMemory(long totalBytes, long availableBytes) {}
