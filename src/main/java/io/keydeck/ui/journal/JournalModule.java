package io.keydeck.ui.journal;

import io.keydeck.journal.ActionJournal;
import io.keydeck.ui.shell.WindowContext;

/** Registers the Journal view; the window's admin actions are recorded through the {@link WindowJournal} it returns. */
public final class JournalModule {
    private JournalModule() {
    }

    public static WindowJournal register(WindowContext window, ActionJournal actionJournal) {
        WindowJournal journal = new WindowJournal(actionJournal, window.tasks(), window.status(), window.messages(),
                window.clock());
        window.controllers().register(JournalController.class, () -> new JournalController(new JournalViewModel(
                journal, window.active(), window.tasks(), window.messages(), window.status(), window.navigation(),
                window.clock().getZone()), window.messages()));
        return journal;
    }
}
