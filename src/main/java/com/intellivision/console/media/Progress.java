package com.intellivision.console.media;

/** Receives how far long work has come. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (percentage, stage) -> {};

    /**
     * @param percentage 0 to 100
     * @param stage a few words of what is being done, such as "seeking"
     */
    void report(double percentage, String stage);
}
