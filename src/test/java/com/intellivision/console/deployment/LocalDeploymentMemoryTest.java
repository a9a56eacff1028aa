package com.intellivision.console.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.pool.MemoryLimits;
import com.intellivision.console.pool.PoolConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local pool's worker monitor says of its limits and of this machine's memory. */
class LocalDeploymentMemoryTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path temp;

    @Test
    void theLimitsAreThePoolsOwnAndTheMachineIsThisOne() {
        PoolConfig config = PoolConfig.defaults(temp.resolve("pool")).withWorkerCount(1).withMemoryLimits(MemoryLimits.ofMiB(300, 600));
        try (LocalDeployment pool = LocalDeployment.start(config)) {
            WorkerMonitor monitor = pool.workerMonitor().orElseThrow();

            assertThat(monitor.memoryLimits()).contains(new WorkerMemoryLimits(300 * MIB, 600 * MIB));
            MachineMemory machine = monitor.machineMemory().orElseThrow();
            long physical = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
            // The JVM sees a container's limit where there is one; the machine has at least that.
            assertThat(machine.totalBytes()).as("this machine's memory").isGreaterThanOrEqualTo(physical * 95 / 100);
            assertThat(machine.availableBytes()).isPositive().isLessThanOrEqualTo(machine.totalBytes());
        }
    }
}
