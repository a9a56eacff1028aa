/**
 * The list of deployments with their health, and the dialog that adds, tests, changes and removes
 * one.
 */
package com.intellivision.console.ui.deployments;
