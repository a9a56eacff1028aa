package com.intellivision.console.deployment;

import com.intellivision.console.job.EngineEvent.MemorySampled;
import com.intellivision.console.job.WorkerInfo;
import java.util.List;
import java.util.Optional;

/**
 * The workers as they are now, each one's memory over the last hour, and where the deployment says so,
 * the limits their memory is held to and the memory of the machine they run on.
 */
public interface WorkerMonitor {

    List<WorkerInfo> workers();

    /** One worker's memory samples, oldest first; empty for one never sampled. */
    List<MemorySampled> memoryHistory(String workerId);

    /** The memory limits each worker is held to; empty where the deployment does not say. */
    default Optional<WorkerMemoryLimits> memoryLimits() {
        return Optional.empty();
    }

    /** Total and free memory of the machine the workers run on, read now; empty where the deployment does not report it. */
    default Optional<MachineMemory> machineMemory() {
        return Optional.empty();
    }
}
