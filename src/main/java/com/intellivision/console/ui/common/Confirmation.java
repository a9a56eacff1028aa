package com.intellivision.console.ui.common;

/** A question to ask before an action that is not easily undone, in the words to show. */
public record Confirmation(String title, String question, String detail, String confirmLabel, String keepLabel) {}
