package com.intellivision.console.remote;

/**
 * HTTP answers a server gave, counted since its client was made; requests that got no answer at all
 * are not among them.
 *
 * @param answers every answer, whatever its status
 * @param serverErrors those with a 5xx status
 */
public record AnswerCounts(long answers, long serverErrors) {}
