package com.intellivision.console.pool;

/** This machine's physical memory and how much of it is available now, in bytes. */
public record SystemMemory(long totalBytes, long availableBytes) {}
