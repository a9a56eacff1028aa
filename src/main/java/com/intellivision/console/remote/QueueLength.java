package com.intellivision.console.remote;

/** How many messages wait in one of the broker's queues. */
public record QueueLength(String name, long messages) {}
