package io.keydeck.ui.shell;

import io.keydeck.model.VisibleText;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;

/**
 * The banners across the top of the window: things the user must know but that belong to no single
 * view (settings kept aside, tokens not remembered, a token about to expire). Each notice has an id,
 * so a repeated warning replaces the old one instead of stacking up. FX thread only.
 */
public final class WindowNotices {

    /** How loud a banner is. */
    public enum Level { INFO, WARNING, DANGER }

    /** One banner: a short title and a sentence or two. */
    public record Notice(String id, Level level, String title, String text) {
        public Notice {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(level, "level");
            // a notice may quote a gateway's words: their control and bidi characters are shown, not obeyed
            title = VisibleText.escape(title, 300);
            text = VisibleText.escape(text, 2000);
        }
    }

    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    // one wrapper for everyone: it passes changes on only while it lives, so it must not be made per call
    private final ObservableList<Notice> readOnly = FXCollections.unmodifiableObservableList(notices);

    public ObservableList<Notice> notices() {
        return readOnly;
    }

    /** Shows {@code notice}, replacing one with the same id in place. */
    public void show(Notice notice) {
        for (int i = 0; i < notices.size(); i++) {
            if (notices.get(i).id().equals(notice.id())) {
                notices.set(i, notice);
                return;
            }
        }
        notices.add(notice);
    }

    public void dismiss(String id) {
        notices.removeIf(n -> n.id().equals(id));
    }

    /** Removes every notice whose id starts with {@code prefix}, e.g. all of one connection's. */
    public void dismissAll(String prefix) {
        notices.removeIf(n -> n.id().startsWith(prefix));
    }
}
