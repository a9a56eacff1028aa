package com.intellivision.console.deployment;

import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.WorkerInfo;
import java.util.List;
import java.util.OptionalLong;

/** The workers as they are now, and each one's memory over the last hour. */
public interface WorkerMonitor {

    List<WorkerInfo> workers();

    /** One worker's memory samples, oldest first; empty for one never sampled. */
    List<MemorySampled> memoryHistory(String workerId);

    /** The resident memory above which a worker is stopped during a job, where the deployment has such a limit and says it. */
    default OptionalLong memoryLimitBytes() {
        return OptionalLong.empty();
    }
}
