/**
 * Settings: the theme people choose, and what the window remembers between runs (its size, the
 * deployment shown last), kept in the data directory.
 */
package com.intellivision.console.ui.settings;
