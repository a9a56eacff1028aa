package com.intellivision.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class NextPulseTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void runsOnceOnALaterPulseHoweverOftenItWasAsked() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        NextPulse pulse = WaitForAsyncUtils.asyncFx(() -> new NextPulse(runs::incrementAndGet)).get(5, TimeUnit.SECONDS);

        int duringTheAsking = WaitForAsyncUtils.asyncFx(() -> {
            pulse.request();
            pulse.request();
            pulse.request();
            return runs.get();
        }).get(5, TimeUnit.SECONDS);

        assertThat(duringTheAsking).as("not run while the asking code still runs").isZero();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runs.get() > 0);
        Thread.sleep(100);
        assertThat(runs).hasValue(1);
    }

    @Test
    void runsAgainWhenAskedAgainAfterItRan() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        NextPulse pulse = WaitForAsyncUtils.asyncFx(() -> new NextPulse(runs::incrementAndGet)).get(5, TimeUnit.SECONDS);

        WaitForAsyncUtils.asyncFx(pulse::request);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runs.get() == 1);
        WaitForAsyncUtils.asyncFx(pulse::request);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runs.get() == 2);
    }
}
