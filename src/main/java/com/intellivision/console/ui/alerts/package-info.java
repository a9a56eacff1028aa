/**
 * Alerts: what went wrong or needs a look, shown as cards over the window; the alert rules, which
 * fire once a condition has lasted their hold time, shown as notifications, in the status bar and in
 * the Alerts tab with the past alerts; and {@code alerts.json}, which keeps the rules and that list.
 */
package com.intellivision.console.ui.alerts;
