package com.intellivision.console.ui.common;

/** Opens a web address outside the console, in the system's browser or player. */
@FunctionalInterface
public interface Links {

    /** Hands {@code address} to the system and returns at once. */
    void open(String address);
}
