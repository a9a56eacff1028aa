/**
 * The desktop window: views built from FXML, the view models they bind to, and the plumbing that keeps
 * the JavaFX application thread free. Talks to jobs only through {@code deployment.Deployment}.
 */
package com.intellivision.console.ui;
