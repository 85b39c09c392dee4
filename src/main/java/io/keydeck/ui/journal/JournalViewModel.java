package io.keydeck.ui.journal;

import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import io.keydeck.journal.VerifyResult;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.shell.Navigation;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The Journal view: every admin action KeyDeck recorded (from this window or the command line), newest
 * first, filtered by action, connection, result and free text, and a check of the file's hash chain.
 */
public final class JournalViewModel {
    /** Which results to show. */
    public enum ResultFilter { ALL, OK, FAILED }

    /** The outcome of the last chain check, for the banner. */
    public record Verdict(boolean intact, String text) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final WindowJournal journal;
    private final ActiveConnection active;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final StatusLine status;
    private final Navigation navigation;
    private final ZoneId zone;

    private final ObservableList<JournalEntry> all = FXCollections.observableArrayList();
    private final FilteredList<JournalEntry> shown = new FilteredList<>(all);
    private final ObservableList<String> connections = FXCollections.observableArrayList();
    private final ObjectProperty<JournalAction> actionFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<String> connectionFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<ResultFilter> resultFilter = new SimpleObjectProperty<>(ResultFilter.ALL);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>();
    private Task<List<JournalEntry>> current;

    public JournalViewModel(WindowJournal journal, ActiveConnection active, BackgroundTasks tasks,
                            ResourceBundle messages, StatusLine status, Navigation navigation, ZoneId zone) {
        this.journal = journal;
        this.active = active;
        this.tasks = tasks;
        this.messages = messages;
        this.status = status;
        this.navigation = navigation;
        this.zone = zone;
        shown.predicateProperty().bind(Bindings.createObjectBinding(this::filter, actionFilter, connectionFilter,
                resultFilter, search));
        summary.bind(Bindings.createStringBinding(() -> MessageFormat.format(messages.getString("journal.summary"),
                shown.size(), all.size(), journal.journal().file().toString()), shown, all));
        journal.appendedProperty().addListener((obs, old, now) -> refresh());
    }

    /** The connection the Keys view shows: which entries {@link #canOpen} changes with it. */
    public ReadOnlyObjectProperty<ConnectionSession> activeConnectionProperty() {
        return active.sessionProperty();
    }

    /** The entries the filters let through, newest first. */
    public ObservableList<JournalEntry> entries() {
        return shown;
    }

    /** Every connection named in the journal, for the connection filter. */
    public ObservableList<String> connections() {
        return connections;
    }

    /** Null shows every action. */
    public ObjectProperty<JournalAction> actionFilterProperty() {
        return actionFilter;
    }

    /** Null shows every connection. */
    public ObjectProperty<String> connectionFilterProperty() {
        return connectionFilter;
    }

    public ObjectProperty<ResultFilter> resultFilterProperty() {
        return resultFilter;
    }

    /** Matches user, connection, key name, key id, prefix…last4, result and request id. */
    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verifyingProperty() {
        return verifying.getReadOnlyProperty();
    }

    /** Why the journal could not be read; empty when it could. */
    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The last chain check's answer; null until the user asks for one. */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** Reads the journal again in the background. */
    public void refresh() {
        if (current != null) {
            current.cancel();
        }
        Task<List<JournalEntry>> task = new Task<>() {
            @Override
            protected List<JournalEntry> call() throws Exception {
                List<JournalEntry> entries = new ArrayList<>(journal.journal().read());
                Collections.reverse(entries);
                return entries;
            }
        };
        current = task;
        loading.set(true);
        task.setOnSucceeded(e -> {
            if (current == task) {
                loading.set(false);
                errorText.set("");
                all.setAll(task.getValue());
                TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                task.getValue().forEach(entry -> names.add(entry.connection()));
                connections.setAll(names);
            }
        });
        task.setOnFailed(e -> {
            if (current == task) {
                loading.set(false);
                errorText.set(String.valueOf(task.getException().getMessage()));
            }
        });
        tasks.run(task);
    }

    /** Checks the whole hash chain in the background and puts the answer in {@link #verdictProperty()}. */
    public void verify() {
        if (verifying.get()) {
            return;
        }
        verifying.set(true);
        Task<VerifyResult> task = new Task<>() {
            @Override
            protected VerifyResult call() throws Exception {
                return journal.journal().verify();
            }
        };
        task.setOnSucceeded(e -> {
            verifying.set(false);
            verdict.set(verdictOf(task.getValue()));
            status.show(verdict.get().text());
        });
        task.setOnFailed(e -> {
            verifying.set(false);
            verdict.set(new Verdict(false, String.valueOf(task.getException().getMessage())));
        });
        tasks.run(task);
    }

    private Verdict verdictOf(VerifyResult result) {
        return result.firstBreak()
                .map(b -> new Verdict(false, MessageFormat.format(messages.getString("journal.verify.broken"),
                        b.line(), b.reason().name().toLowerCase(Locale.ROOT), b.message())))
                .orElseGet(() -> new Verdict(true, MessageFormat.format(messages.getString("journal.verify.intact"),
                        result.lineCount(), result.signed())
                        // what the check could not vouch for (unsigned legacy lines, no keychain) is said, not hidden
                        + (result.notes().isEmpty() ? "" : " " + String.join(" ", result.notes()))));
    }

    /** True when {@code entry} names a key of the connection the Keys view shows, so it can be opened there. */
    public boolean canOpen(JournalEntry entry) {
        ConnectionSession session = active.session();
        return entry != null && !entry.keyId().isEmpty() && session != null
                && session.displayName().equals(entry.connection());
    }

    /** Opens the entry's key in the Keys view, or says why it cannot. */
    public void open(JournalEntry entry) {
        if (entry == null || entry.keyId().isEmpty()) {
            return;
        }
        if (canOpen(entry)) {
            navigation.showKey(entry.keyId());
        } else {
            status.show(MessageFormat.format(messages.getString("journal.otherConnection"), entry.connection()));
        }
    }

    public String time(JournalEntry entry) {
        return TIME.format(entry.time().atZone(zone));
    }

    private Predicate<JournalEntry> filter() {
        JournalAction action = actionFilter.get();
        String connection = connectionFilter.get();
        ResultFilter result = resultFilter.get() == null ? ResultFilter.ALL : resultFilter.get();
        String text = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        return entry -> (action == null || entry.action() == action)
                && (connection == null || connection.isEmpty() || entry.connection().equals(connection))
                && (result == ResultFilter.ALL || entry.succeeded() == (result == ResultFilter.OK))
                && (text.isEmpty() || searchable(entry).anyMatch(field -> field.toLowerCase(Locale.ROOT).contains(text)));
    }

    private static Stream<String> searchable(JournalEntry entry) {
        return Stream.of(entry.user(), entry.connection(), entry.action().wireName(), entry.keyId(), entry.keyName(),
                entry.keyHint(), entry.result(), entry.requestId() == null ? "" : entry.requestId());
    }
}
