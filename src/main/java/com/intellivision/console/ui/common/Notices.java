package com.intellivision.console.ui.common;

/**
 * Where a view model tells people about the outcome of something they asked for: a problem, so they
 * see it rather than nothing, or a short note such as how many jobs a bulk action touched.
 */
public interface Notices {

    /**
     * @param what what could not be done, e.g. "Could not cancel job #12"
     * @param why the deployment's explanation, written for people
     */
    void problem(String what, String why);

    default void problem(String what, RuntimeException failure) {
        problem(what, Failures.messageOf(failure));
    }

    /** Something done as asked, e.g. "Cancelled 12 pending jobs". */
    void done(String what);
}
