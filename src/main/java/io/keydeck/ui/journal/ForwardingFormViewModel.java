package io.keydeck.ui.journal;

import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.ForwardingStatus;
import io.keydeck.journal.ForwardingTarget;
import io.keydeck.settings.JournalForwarding;
import io.keydeck.ui.common.BackgroundTasks;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import javafx.util.Duration;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Journal view's forwarding line and form: where entries go (syslog server or HTTPS collector), how
 * sending fares (sent, queued, last error), and a form to change it. The collector's token goes only into
 * the keychain; settings are checked with a message naming the field, then applied and saved off the FX thread.
 */
public final class ForwardingFormViewModel {
    /** Where to forward. */
    public enum Kind { OFF, SYSLOG, HTTPS }

    /** The JSON an HTTPS collector takes. */
    public enum Format { OTLP, SPLUNK_HEC }

    private final ActionJournal journal;
    private final Supplier<JournalForwarding> saved;
    private final Consumer<JournalForwarding> save;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.OFF);
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("6514");
    private final BooleanProperty tls = new SimpleBooleanProperty(true);
    private final StringProperty url = new SimpleStringProperty("");
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(Format.OTLP);
    private final StringProperty tokenHeader = new SimpleStringProperty("");
    private final StringProperty trustFile = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final BooleanProperty clearToken = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tokenKept = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusBad = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private boolean statusInFlight;
    private Timeline poll;

    public ForwardingFormViewModel(ActionJournal journal, Supplier<JournalForwarding> saved,
                                   Consumer<JournalForwarding> save, BackgroundTasks tasks, ResourceBundle messages) {
        this.journal = journal;
        this.saved = saved;
        this.save = save;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** Fills the form from the saved settings and starts showing how forwarding fares (every 2 s). FX thread. */
    public void start() {
        fill(saved.get());
        refreshStatus();
        refreshTokenKept();
        poll = new Timeline(new KeyFrame(Duration.seconds(2), e -> refreshStatus()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private void fill(JournalForwarding settings) {
        String k = settings.enabled() ? settings.kind().strip().toLowerCase(Locale.ROOT) : "off";
        kind.set(k.equals("syslog") ? Kind.SYSLOG : k.equals("https") ? Kind.HTTPS : Kind.OFF);
        host.set(text(settings.host()));
        port.set(settings.port() > 0 ? Integer.toString(settings.port()) : "6514");
        tls.set(settings.port() <= 0 || settings.tls());
        url.set(text(settings.url()));
        format.set("splunk-hec".equalsIgnoreCase(text(settings.format()).strip()) ? Format.SPLUNK_HEC : Format.OTLP);
        tokenHeader.set(text(settings.tokenHeader()));
        trustFile.set(text(settings.trustFile()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /**
     * Checks the form and, when it is right, applies it, keeps or forgets the token and saves the settings,
     * all off the FX thread; {@link #problemProperty()} names what is wrong otherwise. FX thread.
     */
    public void save() {
        if (saving.get()) {
            return;
        }
        problem.set("");
        result.set("");
        JournalForwarding settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        char[] newToken = token.get() == null ? new char[0] : token.get().toCharArray();
        boolean forget = clearToken.get();
        if (newToken.length > 0 && forget) {
            Arrays.fill(newToken, '\0');
            problem.set(messages.getString("journal.forwarding.problem.tokenAndClear"));
            return;
        }
        if (newToken.length > 0 && kind.get() != Kind.HTTPS) {
            Arrays.fill(newToken, '\0');
            problem.set(messages.getString("journal.forwarding.problem.tokenForSyslog"));
            return;
        }
        String tokenProblem = newToken.length > 0 ? ForwardingTarget.tokenProblem(newToken) : null;
        if (tokenProblem != null) {
            Arrays.fill(newToken, '\0');
            problem.set(tokenProblem);
            return;
        }
        token.set("");
        clearToken.set(false);
        saving.set(true);
        Task<String> task = new Task<>() {
            @Override
            protected String call() {
                try {
                    String target = ForwardingTarget.from(settings).map(ForwardingTarget::describe).orElse(null);
                    if (newToken.length > 0) {
                        journal.storeCollectorToken(newToken);
                    } else if (forget) {
                        journal.clearCollectorToken();
                    }
                    journal.changeForwarding(settings);
                    return target;
                } finally {
                    Arrays.fill(newToken, '\0');
                }
            }
        };
        task.setOnSucceeded(e -> {
            saving.set(false);
            save.accept(settings);
            String target = task.getValue();
            result.set(target == null ? messages.getString("journal.forwarding.savedOff")
                    : MessageFormat.format(messages.getString("journal.forwarding.saved"), target));
            refreshStatus();
            refreshTokenKept();
        });
        task.setOnFailed(e -> {
            saving.set(false);
            Throwable failure = task.getException();
            problem.set(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
            refreshTokenKept();
        });
        tasks.run(task);
    }

    /** The form as settings; a field that cannot be read is named in the exception's message. */
    private JournalForwarding settings() {
        String trust = trustFile.get() == null || trustFile.get().isBlank() ? null : trustFile.get().strip();
        return switch (kind.get()) {
            case OFF -> JournalForwarding.OFF;
            case SYSLOG -> {
                String portText = port.get() == null ? "" : port.get().strip();
                int number;
                try {
                    number = Integer.parseInt(portText);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(MessageFormat.format(
                            messages.getString("journal.forwarding.problem.port"), printable(portText)));
                }
                yield new JournalForwarding("syslog", host.get() == null ? null : host.get().strip(), number,
                        tls.get(), null, null, trust, null);
            }
            case HTTPS -> {
                if (url.get() == null || url.get().isBlank()) {
                    throw new IllegalArgumentException(messages.getString("journal.forwarding.problem.url"));
                }
                yield new JournalForwarding("https", null, 0, true, url.get().strip(),
                        format.get() == Format.SPLUNK_HEC ? "splunk-hec" : "otlp", trust,
                        format.get() == Format.OTLP ? tokenHeader.get() : null);
            }
        };
    }

    private static String printable(String text) {
        return text.length() > 40 ? text.substring(0, 40).replaceAll("[^\\x20-\\x7e]", "?") + "…"
                : text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** Reads how forwarding fares (the spool is on disk) in the background and shows it. FX thread. */
    public void refreshStatus() {
        if (statusInFlight) {
            return;
        }
        statusInFlight = true;
        Task<ForwardingStatus> task = new Task<>() {
            @Override
            protected ForwardingStatus call() {
                return journal.forwardingStatus();
            }
        };
        task.setOnSucceeded(e -> {
            statusInFlight = false;
            show(task.getValue());
        });
        task.setOnFailed(e -> statusInFlight = false);
        task.setOnCancelled(e -> statusInFlight = false);
        try {
            tasks.run(task);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            statusInFlight = false;
            if (poll != null) {
                poll.stop(); // the app is closing
            }
        }
    }

    private void show(ForwardingStatus now) {
        boolean bad = !now.lastProblem().isEmpty();
        statusBad.set(bad);
        if (!now.on()) {
            status.set(bad ? MessageFormat.format(messages.getString("journal.forwarding.status.offBecause"),
                    now.lastProblem()) : messages.getString("journal.forwarding.status.off"));
            return;
        }
        String line = MessageFormat.format(messages.getString("journal.forwarding.status.on"), now.destination(),
                now.sent(), Math.max(0, now.queued()));
        status.set(bad ? line + MessageFormat.format(messages.getString("journal.forwarding.status.lastError"),
                now.lastProblem()) : line);
    }

    private void refreshTokenKept() {
        Task<Boolean> task = new Task<>() {
            @Override
            protected Boolean call() {
                return journal.hasCollectorToken();
            }
        };
        task.setOnSucceeded(e -> tokenKept.set(MessageFormat.format(messages.getString(task.getValue()
                ? "journal.forwarding.tokenKept" : "journal.forwarding.noToken"), journal.keptIn())));
        task.setOnFailed(e -> tokenKept.set(task.getException().getMessage()));
        tasks.run(task);
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public BooleanProperty tlsProperty() {
        return tls;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ObjectProperty<Format> formatProperty() {
        return format;
    }

    public StringProperty tokenHeaderProperty() {
        return tokenHeader;
    }

    public StringProperty trustFileProperty() {
        return trustFile;
    }

    /** What is typed in the token field; emptied as soon as it is handed to the keychain. */
    public StringProperty tokenProperty() {
        return token;
    }

    public BooleanProperty clearTokenProperty() {
        return clearToken;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tokenKeptProperty() {
        return tokenKept.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusBadProperty() {
        return statusBad.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }
}
