package io.keydeck.ui.shell;

import io.keydeck.model.SecretRedactor;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What nobody handled, on the FX thread or a background thread: logged through the redacting logger
 * and shown to the user as an error notice with a "Copy details" button that copies the redacted
 * details. One notice at a time, so a fault that repeats every frame does not bury the window.
 */
public final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UncaughtErrors.class);
    private final ResourceBundle messages;
    private final AtomicBoolean showing = new AtomicBoolean();

    private UncaughtErrors(ResourceBundle messages) {
        this.messages = messages;
    }

    /** Becomes the handler of every thread without its own, the FX thread and the pool's included. */
    public static UncaughtErrors install(ResourceBundle messages) {
        UncaughtErrors handler = new UncaughtErrors(messages);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(handler);
        }
        return handler;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Unexpected error on thread {}", thread.getName(), error);
        String details = details(thread, error);
        if (showing.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                try {
                    show(error, details);
                } finally {
                    showing.set(false);
                }
            });
        }
    }

    private void show(Throwable error, String details) {
        ButtonType copy = new ButtonType(messages.getString("crash.copy"), ButtonBar.ButtonData.HELP);
        ButtonType close = new ButtonType(messages.getString("crash.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.ERROR, MessageFormat.format(messages.getString("crash.text"),
                SecretRedactor.redactAndShorten(summary(error), 300)), copy, close);
        alert.setTitle(messages.getString("crash.title"));
        alert.setHeaderText(messages.getString("crash.header"));
        alert.getDialogPane().setId("crashNotice");
        alert.getDialogPane().lookupButton(copy).setId("copyCrashDetailsButton");
        alert.getDialogPane().lookupButton(copy).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(details);
            Clipboard.getSystemClipboard().setContent(content);
            e.consume(); // stay open: the user may still read it
        });
        alert.showAndWait();
    }

    private static String summary(Throwable error) {
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

    /** The thread and stack trace, with anything that looks like a secret or token redacted. */
    static String details(Thread thread, Throwable error) {
        StringBuilder trace = new StringBuilder("Thread ").append(thread.getName()).append(": ");
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            trace.append(t == error ? "" : "Caused by: ").append(t).append('\n');
            for (StackTraceElement frame : t.getStackTrace()) {
                trace.append("\tat ").append(frame).append('\n');
            }
        }
        return SecretRedactor.redact(trace.toString());
    }
}
