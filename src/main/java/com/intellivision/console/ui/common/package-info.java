/**
 * What the views share: the hand-off to the JavaFX thread, background tasks, the rows and keys of
 * jobs and deployments, cells, badges, dialogs and the job actions offered in more than one view. It
 * knows no view.
 */
package com.intellivision.console.ui.common;
