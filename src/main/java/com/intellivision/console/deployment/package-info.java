/** Where jobs run, behind one interface the UI talks to: the local pool, or a remote deployment. */
package com.intellivision.console.deployment;
