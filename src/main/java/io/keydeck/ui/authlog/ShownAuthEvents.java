package io.keydeck.ui.authlog;

import io.keydeck.ui.shell.ConsoleAuthFailures;

import io.keydeck.authlog.AuthEventFilter;
import io.keydeck.authlog.AuthEventWindow;
import io.keydeck.authlog.EventHistogram;
import io.keydeck.authlog.HistogramBucket;
import io.keydeck.authlog.Offender;
import io.keydeck.authlog.Signal;
import io.keydeck.authlog.SignalDetector;
import io.keydeck.authlog.SignalRules;
import io.keydeck.authlog.SpikeRule;
import io.keydeck.authlog.TopOffenders;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.TreeSet;

/**
 * The rows the Auth log shows (the gateway's events and this console's own, merged and filtered) and
 * what is computed from them: histogram, top offenders, signals, the codes seen and the summary line.
 */
final class ShownAuthEvents {
    static final List<String> KNOWN_CODES = List.of("missing_api_key", "invalid_api_key", "expired_api_key",
            "insufficient_permissions", "key_disabled");
    private static final int TOP_LIMIT = 10;

    private final AuthEventWindow window;
    private final ConsoleAuthFailures console;
    private final ResourceBundle messages;
    private final SignalDetector signalDetector = new SignalDetector(SignalRules.DEFAULT);
    private List<ApiKey> keysOfSignals;

    final ObservableList<AuthEvent> events = FXCollections.observableArrayList();
    final ObservableList<HistogramBucket> histogram = FXCollections.observableArrayList();
    final ObservableList<Offender> topKeys = FXCollections.observableArrayList();
    final ObservableList<Offender> topIps = FXCollections.observableArrayList();
    final ObservableList<Signal> signals = FXCollections.observableArrayList();
    final ObservableList<String> codes = FXCollections.observableArrayList(KNOWN_CODES);
    final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    ShownAuthEvents(AuthEventWindow window, ConsoleAuthFailures console, ResourceBundle messages) {
        this.window = window;
        this.console = console;
        this.messages = messages;
    }

    /** Recomputes rows, histogram, offenders, signals and codes; {@code bucket} (may be null) narrows the rows. */
    void recompute(AuthEventFilter filter, HistogramBucket bucket, List<ApiKey> knownKeys) {
        List<AuthEvent> shown = merge(filter.apply(window.events()), filter.apply(console.failures()));
        List<HistogramBucket> buckets = EventHistogram.of(shown, SpikeRule.DEFAULT);
        if (bucket != null) {
            shown = shown.stream().filter(e -> e.occurredAt() != null && !e.occurredAt().isBefore(bucket.start())
                    && e.occurredAt().isBefore(bucket.end())).toList();
        }
        // each keystroke in a filter comes here: a list that did not change is left alone, so the chart and the
        // side lists are not rebuilt for nothing and typing keeps up (issue 19: the IP filter lagged 1-2 s)
        putOnTop(events, shown); // a live-tail poll adds on top; unchanged rows are left alone
        replaceIfChanged(histogram, buckets);
        replaceChangedItems(topKeys, TopOffenders.byKey(shown, SpikeRule.DEFAULT, TOP_LIMIT));
        replaceChangedItems(topIps, TopOffenders.byIp(shown, SpikeRule.DEFAULT, TOP_LIMIT));
        List<Signal> found = signalDetector.detect(shown, knownKeys);
        if (knownKeys != keysOfSignals) { // a key was revoked or disabled: its signal's words and buttons change
            keysOfSignals = knownKeys;
            signals.setAll(found);
        } else {
            replaceChangedItems(signals, found);
        }
        TreeSet<String> seen = new TreeSet<>(codes);
        buckets.forEach(b -> seen.addAll(b.countsByCode().keySet()));
        seen.remove("");
        if (seen.size() != codes.size()) {
            codes.setAll(seen);
        }
    }

    /** "Sandbox · showing 40 of 2,500 loaded events", and a word when the window is full. */
    void summarize(String connectionName) {
        String text = MessageFormat.format(messages.getString("authlog.summary"), connectionName, events.size(),
                window.size());
        if (window.isFull()) {
            text += " " + MessageFormat.format(messages.getString("authlog.windowFull"), window.capacity());
        }
        summary.set(text);
    }

    /**
     * A live-tail poll's new rows go on top and the rows already shown stay put (with their cells and
     * selection); anything else replaces the rows.
     */
    private static <T> void putOnTop(ObservableList<T> rows, List<T> now) {
        int added = now.size() - rows.size();
        boolean onTop = added >= 0;
        for (int i = 0; onTop && i < rows.size(); i++) {
            onTop = rows.get(i) == now.get(added + i);
        }
        if (!onTop) {
            rows.setAll(now);
        } else if (added > 0) {
            rows.addAll(0, now.subList(0, added));
        }
    }

    private static <T> void replaceIfChanged(ObservableList<T> shown, List<T> now) {
        if (!shown.equals(now)) {
            shown.setAll(now);
        }
    }

    /**
     * Puts in only the items that changed, each in its place: a side list redraws the rows whose counts a
     * live-tail poll changed and keeps its other rows, where replacing the whole list made every row anew.
     */
    private static <T> void replaceChangedItems(ObservableList<T> shown, List<T> now) {
        int common = Math.min(shown.size(), now.size());
        for (int i = 0; i < common; i++) {
            if (!shown.get(i).equals(now.get(i))) {
                shown.set(i, now.get(i));
            }
        }
        if (shown.size() > common) {
            shown.remove(common, shown.size());
        } else if (now.size() > common) {
            shown.addAll(now.subList(common, now.size()));
        }
    }

    /** Two newest-first lists into one. */
    private static List<AuthEvent> merge(List<AuthEvent> a, List<AuthEvent> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<AuthEvent> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j >= b.size() || (i < a.size() && !a.get(i).occurredAt().isBefore(b.get(j).occurredAt()))) {
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        return out;
    }
}
