package io.keydeck.ui.journal;

import io.keydeck.journal.ActionJournal;
import io.keydeck.settings.JournalForwarding;
import io.keydeck.ui.shell.WindowContext;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Registers the Journal view and its forwarding form; the window's admin actions are recorded through the
 * {@link WindowJournal} it returns.
 */
public final class JournalModule {
    private JournalModule() {
    }

    public static WindowJournal register(WindowContext window, ActionJournal actionJournal,
                                         Supplier<JournalForwarding> savedForwarding,
                                         Consumer<JournalForwarding> saveForwarding) {
        WindowJournal journal = new WindowJournal(actionJournal, window.tasks(), window.status(), window.messages(),
                window.clock());
        window.controllers().register(ForwardingFormController.class, () -> new ForwardingFormController(
                new ForwardingFormViewModel(actionJournal, savedForwarding, saveForwarding, window.tasks(),
                        window.messages()), window.messages()));
        window.controllers().register(JournalController.class, () -> new JournalController(new JournalViewModel(
                journal, window.active(), window.tasks(), window.messages(), window.status(), window.navigation(),
                window.clock().getZone()), window.messages()));
        return journal;
    }
}
