package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.VisibleText;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replaces the scopes, and where asked the allowed models, of one or more keys (issue 21). The scopes every
 * key holds start ticked; the models start as the keys' common list, and are sent only when edited, so
 * changing the scopes of keys with different model lists keeps each key's list.
 */
public final class EditScopesViewModel {
    private final List<ApiKey> keys;
    private final ResourceBundle messages;
    private final List<CreateKeyViewModel.ScopeChoice> scopes;
    private final StringProperty models = new SimpleStringProperty("");
    private final String modelsAtStart;
    private final StringBinding adminWarning;
    private final StringBinding problem;

    public EditScopesViewModel(List<ApiKey> keys, List<String> knownScopes, ResourceBundle messages) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no keys");
        }
        this.keys = List.copyOf(keys);
        this.messages = messages;
        Set<String> offered = new LinkedHashSet<>(knownScopes);
        keys.forEach(k -> offered.addAll(k.scopes()));
        scopes = offered.stream().map(s -> new CreateKeyViewModel.ScopeChoice(s,
                new SimpleBooleanProperty(keys.stream().allMatch(k -> k.scopes().contains(s))))).toList();
        List<String> firstModels = keys.get(0).account().allowedModels();
        boolean sameModels = keys.stream().allMatch(k -> k.account().allowedModels().equals(firstModels));
        modelsAtStart = sameModels ? String.join(", ", firstModels) : "";
        models.set(modelsAtStart);
        Observable[] ticks = scopes.stream().map(CreateKeyViewModel.ScopeChoice::selected).toArray(Observable[]::new);
        adminWarning = Bindings.createStringBinding(() -> AdminScopeWarning.of(ticked(), messages), ticks);
        problem = Bindings.createStringBinding(() -> ticked().isEmpty() ? messages.getString("scopes.none") : "", ticks);
    }

    public List<CreateKeyViewModel.ScopeChoice> inferenceScopes() {
        return scopes.stream().filter(s -> !s.administers()).toList();
    }

    public List<CreateKeyViewModel.ScopeChoice> adminScopes() {
        return scopes.stream().filter(CreateKeyViewModel.ScopeChoice::administers).toList();
    }

    /** The allowed models as typed: names separated by commas or spaces; empty allows every model. */
    public StringProperty modelsProperty() {
        return models;
    }

    /** True when the keys' model lists differ, so the field starts empty and an untouched one changes none. */
    public boolean modelsDiffer() {
        List<String> first = keys.get(0).account().allowedModels();
        return keys.stream().anyMatch(k -> !k.account().allowedModels().equals(first));
    }

    /** The same warning the Create dialog shows for ticked admin scopes, or "". */
    public StringBinding adminWarningProperty() {
        return adminWarning;
    }

    /** Why the form cannot be sent (no scope ticked), or "". */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return Bindings.createBooleanBinding(() -> problem.get().isEmpty(), problem);
    }

    /** "Change the scopes and models of “ci-bot” (mrk_live_…abcd)?" or of N keys, each named below. */
    public String question() {
        return EachKeyUpdate.question(keys, messages, "scopes.questionOne", "scopes.questionMany");
    }

    /** The change to send: the ticked scopes, and the models only when the field was edited. */
    public KeyUpdate update() {
        List<String> typed = modelsChanged() ? names(models.get()) : null;
        return new KeyUpdate(null, null, null, null, ticked(), typed);
    }

    /** Sends {@link #update()} to each key in turn through {@code target} (journaled), off the FX thread. */
    public List<EachKeyUpdate.Outcome> apply(GatewayClient target) throws InterruptedException {
        return EachKeyUpdate.apply(keys, update(), target);
    }

    /** One line per key: "“ci-bot” (…): scopes now chat:write; models: all (request req_1)" or the refusal. */
    public String report(List<EachKeyUpdate.Outcome> outcomes) {
        return EachKeyUpdate.report(outcomes, messages, "scopes.ok", "scopes.failed", o -> java.text.MessageFormat.format(
                messages.getString("scopes.now"), VisibleText.escape(String.join(", ", o.updated().scopes()), 400),
                o.updated().account().allowedModels().isEmpty() ? messages.getString("scopes.allModels")
                        : VisibleText.escape(String.join(", ", o.updated().account().allowedModels()), 400)));
    }

    private boolean modelsChanged() {
        return !names(models.get()).equals(names(modelsAtStart));
    }

    private static List<String> names(String typed) {
        return Stream.of(typed.split("[,\\s]+")).map(String::strip).filter(m -> !m.isEmpty()).distinct().toList();
    }

    private List<String> ticked() {
        return scopes.stream().filter(s -> s.selected().get()).map(CreateKeyViewModel.ScopeChoice::scope).toList();
    }
}
