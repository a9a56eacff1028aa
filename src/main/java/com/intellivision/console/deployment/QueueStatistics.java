package com.intellivision.console.deployment;

import com.intellivision.console.job.QueueFigures;

/** The queue's figures now. */
public interface QueueStatistics {

    QueueFigures figures();
}
