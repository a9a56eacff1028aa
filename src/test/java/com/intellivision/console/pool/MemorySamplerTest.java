package com.intellivision.console.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A worker's memory counts what its own child processes hold, as its warm resolver does. */
class MemorySamplerTest {

    private static final long HELD = 160L << 20;

    @Test
    void aProcessIsMeasuredWithItsChildren() throws Exception {
        MemorySampler sampler = new MemorySampler();
        long self = ProcessHandle.current().pid();
        long before = sampler.residentBytes(self).orElseThrow();
        Process child = new ProcessBuilder("python3", "-c",
                "import sys, time\nheld = bytearray(" + HELD + ")\nfor i in range(0, len(held), 4096): held[i] = 1\n"
                        + "print('held', flush=True)\ntime.sleep(60)").start();
        try {
            assertThat(new String(child.getInputStream().readNBytes(4))).isEqualTo("held");
            long childOnly = sampler.residentBytes(child.pid()).orElseThrow();
            long after = sampler.residentBytes(self).orElseThrow();

            assertThat(childOnly).as("the child's own memory").isGreaterThan(HELD);
            assertThat(after - before).as("the parent with its child, against the parent before").isGreaterThan(HELD * 9 / 10);
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(sampler.residentBytes(2_000_000_000L)).as("a process that is gone").isEmpty();
    }
}
