/** The program's entry point and its commands; wires the deployment the user chose to the UI or the CLI. */
package com.intellivision.console.app;
