/**
 * Where the console keeps the remote deployments people add: their settings in {@code deployments.json}
 * in the data directory ({@link com.intellivision.console.deployment.settings.SettingsFile}), their
 * tokens and passwords in the OS keychain or, where none works, in an owner-only file
 * ({@link com.intellivision.console.deployment.settings.SecretStores}). Secrets never reach the
 * settings file, a log line, an exception message or a {@code toString()}.
 */
package com.intellivision.console.deployment.settings;
