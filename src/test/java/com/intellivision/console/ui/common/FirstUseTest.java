package com.intellivision.console.ui.common;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class FirstUseTest {

    @Test
    void preparesOnABackgroundThreadOnceJavaFxRuns() throws Exception {
        FxToolkit.registerPrimaryStage();

        // As the window runs it: off the FX thread, where a failure would otherwise go unseen.
        assertThatCode(() -> CompletableFuture.runAsync(FirstUse::prepare).get(30, TimeUnit.SECONDS)).doesNotThrowAnyException();
    }
}
