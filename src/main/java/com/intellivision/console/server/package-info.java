/**
 * The headless API: serves the same job contract as an IntelliVision server, from a local pool, so
 * that another console can connect to this one.
 */
package com.intellivision.console.server;
