package com.intellivision.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class ChildrenTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void onlyTheNodesThatComeOrGoAreTouched() throws Exception {
        onFx(() -> {
            Node a = card("a"), b = card("b"), c = card("c"), d = card("d");
            VBox pane = new VBox(a, b, c);
            List<Node> removed = removalsOf(pane);

            Children.update(pane.getChildren(), List.of(a, c, d));

            assertThat(pane.getChildren()).containsExactly(a, c, d);
            assertThat(removed).containsExactly(b);
        });
    }

    @Test
    void aNewCardOnTopLeavesTheOthersInTheScene() throws Exception {
        onFx(() -> {
            Node a = card("a"), b = card("b"), fresh = card("fresh");
            VBox pane = new VBox(a, b);
            List<Node> removed = removalsOf(pane);

            Children.update(pane.getChildren(), List.of(fresh, a, b));

            assertThat(pane.getChildren()).containsExactly(fresh, a, b);
            assertThat(removed).isEmpty();
        });
    }

    @Test
    void reorderedCardsEndInTheWantedOrder() throws Exception {
        onFx(() -> {
            Node a = card("a"), b = card("b"), c = card("c");
            VBox pane = new VBox(a, b, c);

            Children.update(pane.getChildren(), List.of(c, a, b));

            assertThat(pane.getChildren()).containsExactly(c, a, b);
        });
    }

    private static List<Node> removalsOf(VBox pane) {
        List<Node> removed = new ArrayList<>();
        pane.getChildren().addListener((ListChangeListener<Node>) change -> {
            while (change.next()) {
                removed.addAll(change.getRemoved());
            }
        });
        return removed;
    }

    private static Node card(String id) {
        Region card = new Region();
        card.setId(id);
        return card;
    }

    private static void onFx(Runnable check) throws Exception {
        WaitForAsyncUtils.asyncFx(check).get(5, TimeUnit.SECONDS);
    }
}
