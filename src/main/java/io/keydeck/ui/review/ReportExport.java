package io.keydeck.ui.review;

import io.keydeck.review.ReportData;
import io.keydeck.review.ReportFormat;
import io.keydeck.review.ReportWriter;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ResourceBundle;

/** Saves a review report on the background pool and tells the status line where it went, or why not. */
final class ReportExport {
    private static final Logger LOG = LoggerFactory.getLogger(ReportExport.class);

    private final BackgroundTasks tasks;
    private final StatusLine status;
    private final ResourceBundle messages;

    ReportExport(BackgroundTasks tasks, StatusLine status, ResourceBundle messages) {
        this.tasks = tasks;
        this.status = status;
        this.messages = messages;
    }

    static String suggestedFileName(ReportFormat format, Instant now) {
        return "keydeck-review-" + now.toString().substring(0, 10) + "." + format.extension();
    }

    Task<Void> write(ReportFormat format, ReportData data, Path file) {
        status.busy(MessageFormat.format(messages.getString("review.exporting"), file));
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws Exception {
                ReportWriter.write(format, data, file);
                return null;
            }
        };
        task.setOnSucceeded(e -> status.notify(MessageFormat.format(messages.getString("review.exported"),
                format.name(), file.toAbsolutePath())));
        task.setOnFailed(e -> {
            LOG.warn("Writing the report to {} failed: {}", file, task.getException().toString());
            status.show(MessageFormat.format(messages.getString("review.exportFailed"), file,
                    why(task.getException())));
        });
        return tasks.run(task);
    }

    /** The file system's complaint in words; its exceptions often carry only a path. */
    private static String why(Throwable failure) {
        if (failure instanceof FileAlreadyExistsException e) {
            return e.getFile() + " is a file, not a folder";
        }
        if (failure instanceof AccessDeniedException e) {
            return "no permission to write in " + e.getFile();
        }
        if (failure instanceof FileSystemException e) {
            return e.getReason() == null ? e.getFile() + " cannot be written" : e.getFile() + ": " + e.getReason();
        }
        return ReviewViewModel.describe(failure);
    }
}
