/**
 * The jobs table of the deployment shown.
 */
package com.intellivision.console.ui.jobs;
