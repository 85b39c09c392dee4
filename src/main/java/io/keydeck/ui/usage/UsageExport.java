package io.keydeck.ui.usage;

import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Writes an export (CSV or PNG) off the FX thread, whole or not at all; the status line says where. */
final class UsageExport {
    private static final Logger LOG = LoggerFactory.getLogger(UsageExport.class);
    private final BackgroundTasks tasks;
    private final StatusLine status;
    private final ResourceBundle messages;

    UsageExport(BackgroundTasks tasks, StatusLine status, ResourceBundle messages) {
        this.tasks = tasks;
        this.status = status;
        this.messages = messages;
    }

    interface FileContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes next to the target and moves it into place, so a failure never leaves half a file. */
    Task<Path> write(Path target, FileContent content) {
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws IOException {
                Path absolute = target.toAbsolutePath();
                Path temporary = Files.createTempFile(absolute.getParent(), ".keydeck-export", ".tmp");
                try {
                    try (OutputStream out = Files.newOutputStream(temporary)) {
                        content.writeTo(out);
                    }
                    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temporary);
                }
                return absolute;
            }
        };
        task.setOnSucceeded(e -> status.notify(MessageFormat.format(messages.getString("usage.exported"),
                task.getValue())));
        task.setOnFailed(e -> {
            LOG.warn("Export to {} failed: {}", target, task.getException().toString());
            status.show(MessageFormat.format(messages.getString("usage.exportFailed"), target,
                    task.getException().getMessage()));
        });
        return tasks.run(task);
    }
}
