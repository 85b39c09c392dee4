package io.keydeck.ui.shell;

import io.keydeck.ui.AppServices;
import io.keydeck.ui.FxTestSupport;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.Clipboard;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** An exception nobody caught, on the FX thread or a pool thread, ends as an error notice, not as silence. */
class AnUnexpectedErrorIsShownAndCopiedRedactedTest {
    private static final String SECRET = "mrk_live_" + "Abcdefghijklmnopqrstuvwxyz012345";
    private Thread.UncaughtExceptionHandler before;

    @BeforeAll
    static void toolkit() throws Exception {
        FxTestSupport.startToolkit();
    }

    @AfterEach
    void restore() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(before);
        onFx(() -> Window.getWindows().stream().filter(w -> notice(w).isPresent()).toList()
                .forEach(w -> ((javafx.stage.Stage) w).close()));
    }

    private static Optional<DialogPane> notice(Window window) {
        return window.getScene() != null && window.getScene().getRoot() instanceof DialogPane pane
                && "crashNotice".equals(pane.getId()) ? Optional.of(pane) : Optional.empty();
    }

    private static Optional<DialogPane> shownNotice() throws Exception {
        return onFx(() -> Window.getWindows().stream().map(AnUnexpectedErrorIsShownAndCopiedRedactedTest::notice)
                .flatMap(Optional::stream).findFirst());
    }

    @Test
    void anErrorOnAPoolThreadShowsANoticeWhoseDetailsHoldNoSecret() throws Exception {
        before = Thread.getDefaultUncaughtExceptionHandler();
        UncaughtErrors.install(ResourceBundle.getBundle(AppServices.MESSAGES, Locale.ENGLISH));
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("bad answer for key " + SECRET);
        }, "keydeck-background-test");
        worker.start();
        worker.join();

        waitUntil(10, () -> shownNotice().isPresent());
        DialogPane pane = shownNotice().orElseThrow();
        assertThat(onFx(pane::getContentText)).contains("IllegalStateException").doesNotContain(SECRET);
        onFx(() -> ((Button) pane.lookup("#copyCrashDetailsButton")).fire());
        String copied = onFx(() -> Clipboard.getSystemClipboard().getString());
        assertThat(copied).contains("keydeck-background-test", "IllegalStateException", "\tat ")
                .doesNotContain(SECRET);
        assertThat(shownNotice()).as("Copy details leaves the notice open").isPresent();
    }

    @Test
    void anErrorOnTheFxThreadShowsTheNoticeToo() throws Exception {
        before = Thread.getDefaultUncaughtExceptionHandler();
        onFx(() -> UncaughtErrors.install(ResourceBundle.getBundle(AppServices.MESSAGES, Locale.ENGLISH)));
        Platform.runLater(() -> {
            throw new UnsupportedOperationException("nobody handled this");
        });
        waitUntil(10, () -> shownNotice().isPresent());
        assertThat(onFx(() -> shownNotice().orElseThrow().getContentText())).contains("nobody handled this");
    }
}
