package com.intellivision.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

class StyleClassesTest {

    @Test
    void theSameClassesLeaveTheListAloneAndOthersReplaceIt() {
        Region badge = new Region();
        AtomicInteger changes = new AtomicInteger();
        badge.getStyleClass().addListener((ListChangeListener<String>) change -> changes.incrementAndGet());

        StyleClasses.set(badge, "status-badge", "status-processing");
        StyleClasses.set(badge, "status-badge", "status-processing");

        assertThat(badge.getStyleClass()).containsExactly("status-badge", "status-processing");
        assertThat(changes).as("only the first call changed the list").hasValue(1);

        StyleClasses.set(badge, "status-badge", "status-completed");

        assertThat(badge.getStyleClass()).containsExactly("status-badge", "status-completed");
        assertThat(changes).hasValue(2);
    }
}
