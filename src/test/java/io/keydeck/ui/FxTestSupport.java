package io.keydeck.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Runs test code on the FX thread and waits for asynchronous UI state without a stage. */
public final class FxTestSupport {
    private FxTestSupport() {
    }

    public static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    public static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    public static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    /** Polls {@code condition} on the FX thread until it holds, failing after {@code seconds}. */
    public static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }

    /** Every text any node, field or tooltip of any open window shows or tells a screen reader (nulls included). */
    public static List<String> textOfAllWindows() throws Exception {
        return onFx(() -> {
            List<String> texts = new ArrayList<>();
            for (Window window : Window.getWindows()) {
                if (window.getScene() != null) {
                    collect(window.getScene().getRoot(), texts);
                }
            }
            return texts;
        });
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled) {
            texts.add(labeled.getText());
            Tooltip tooltip = labeled.getTooltip();
            if (tooltip != null) {
                texts.add(tooltip.getText());
            }
        } else if (node instanceof TextInputControl input) {
            texts.add(input.getText());
        } else if (node instanceof Text text) {
            texts.add(text.getText());
        }
        texts.add(node.getAccessibleText());
        texts.add(node.getAccessibleHelp());
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }
}
