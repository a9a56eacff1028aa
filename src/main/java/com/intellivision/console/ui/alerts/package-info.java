/**
 * Alerts: what went wrong or needs a look, shown as cards over the window.
 */
package com.intellivision.console.ui.alerts;
