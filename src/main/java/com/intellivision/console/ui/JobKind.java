package com.intellivision.console.ui;

/** What the submit bar asks of a URL; each kind shows its own settings. */
public enum JobKind {
    FRAME("Frame"),
    FILMSTRIP("Filmstrip"),
    COUNT("Count people");

    private final String label;

    JobKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
