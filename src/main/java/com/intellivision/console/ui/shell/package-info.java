/**
 * The window: its application, the main view that composes the other views, the view model that
 * follows every deployment and hands each view the events it needs, batched, on the JavaFX thread,
 * and the status bar.
 */
package com.intellivision.console.ui.shell;
