package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.VisibleText;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.text.MessageFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Replaces the scopes, and where asked the allowed models, of one or more keys (issue 21). The scopes every
 * key holds start ticked. For the models the user says which of three things to do: keep each key's list
 * (the start), allow all models, or only the models typed; the confirmation names for each key what changes.
 */
public final class EditScopesViewModel {
    /** What to do with the keys' allowed models. */
    public enum Models {
        /** Send no models: each key keeps its own list. */
        KEEP,
        /** Send an empty list: every key may call every model. */
        ALL,
        /** Send the typed list to every key. */
        ONLY
    }

    private final List<ApiKey> keys;
    private final ResourceBundle messages;
    private final List<CreateKeyViewModel.ScopeChoice> scopes;
    private final StringProperty models = new SimpleStringProperty("");
    private final ObjectProperty<Models> modelsChoice = new SimpleObjectProperty<>(Models.KEEP);
    private final StringBinding adminWarning;
    private final StringBinding problem;
    private final StringBinding modelsProblem;
    private final StringBinding changes;

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
        models.set(modelsDiffer() ? "" : String.join(", ", keys.get(0).account().allowedModels()));
        models.addListener((obs, old, typed) -> {
            if (!names(typed).isEmpty()) {
                modelsChoice.set(Models.ONLY); // typing names is choosing "only these"
            }
        });
        List<Observable> inputs = new java.util.ArrayList<>(List.of(models, modelsChoice));
        scopes.forEach(s -> inputs.add(s.selected()));
        Observable[] all = inputs.toArray(Observable[]::new);
        Observable[] ticks = scopes.stream().map(CreateKeyViewModel.ScopeChoice::selected).toArray(Observable[]::new);
        adminWarning = Bindings.createStringBinding(() -> AdminScopeWarning.of(ticked(), messages), ticks);
        problem = Bindings.createStringBinding(() -> ticked().isEmpty() ? messages.getString("scopes.none") : "", ticks);
        modelsProblem = Bindings.createStringBinding(() -> modelsChoice.get() == Models.ONLY
                && names(models.get()).isEmpty() ? messages.getString("scopes.noModels") : "", models, modelsChoice);
        changes = Bindings.createStringBinding(this::changeLines, all);
    }

    public List<CreateKeyViewModel.ScopeChoice> inferenceScopes() {
        return scopes.stream().filter(s -> !s.administers()).toList();
    }

    public List<CreateKeyViewModel.ScopeChoice> adminScopes() {
        return scopes.stream().filter(CreateKeyViewModel.ScopeChoice::administers).toList();
    }

    /** The models typed for {@link Models#ONLY}: names separated by commas or spaces. */
    public StringProperty modelsProperty() {
        return models;
    }

    /** Keep each key's models (the start), all models, or only the typed ones. */
    public ObjectProperty<Models> modelsChoiceProperty() {
        return modelsChoice;
    }

    /** True when the keys' model lists differ, so the typed list starts empty. */
    public boolean modelsDiffer() {
        List<String> first = keys.get(0).account().allowedModels();
        return keys.stream().anyMatch(k -> !k.account().allowedModels().equals(first));
    }

    /** The same warning the Create dialog shows for ticked admin scopes, or "". */
    public StringBinding adminWarningProperty() {
        return adminWarning;
    }

    /** Why the scopes cannot be sent (none ticked), or "". */
    public StringBinding problemProperty() {
        return problem;
    }

    /** Why the models cannot be sent ("only these" with no model typed), or "". */
    public StringBinding modelsProblemProperty() {
        return modelsProblem;
    }

    public BooleanBinding validProperty() {
        return Bindings.createBooleanBinding(() -> problem.get().isEmpty() && modelsProblem.get().isEmpty(), problem,
                modelsProblem);
    }

    /**
     * One line per key saying what Change would do to it: "“ci-bot” (…): scopes chat:write → chat:write,
     * embeddings:write; models gpt-4o → all models", "… models kept (gpt-4o)", "… unchanged".
     */
    public StringBinding changesProperty() {
        return changes;
    }

    /** "Change the scopes and models of “ci-bot” (mrk_live_…abcd)?" or of N keys, each named below. */
    public String question() {
        return EachKeyUpdate.question(keys, messages, "scopes.questionOne", "scopes.questionMany");
    }

    /** The change to send: the ticked scopes, and the models unless each key keeps its own. */
    public KeyUpdate update() {
        return new KeyUpdate(null, null, null, null, ticked(), modelsToSend());
    }

    /** Sends {@link #update()} to each key in turn through {@code target} (journaled), off the FX thread. */
    public List<EachKeyUpdate.Outcome> apply(GatewayClient target) throws InterruptedException {
        return EachKeyUpdate.apply(keys, update(), target);
    }

    /** One line per key: "“ci-bot” (…): scopes now chat:write; models: all (request req_1)" or the refusal. */
    public String report(List<EachKeyUpdate.Outcome> outcomes) {
        return EachKeyUpdate.report(outcomes, messages, "scopes.ok", "scopes.failed", o -> MessageFormat.format(
                messages.getString("scopes.now"), VisibleText.escape(String.join(", ", o.updated().scopes()), 400),
                modelsText(o.updated().account().allowedModels())));
    }

    private List<String> modelsToSend() {
        return switch (modelsChoice.get()) {
            case KEEP -> null;
            case ALL -> List.of();
            case ONLY -> names(models.get());
        };
    }

    private String changeLines() {
        List<String> newScopes = ticked();
        List<String> newModels = modelsToSend();
        return keys.stream().map(key -> {
            List<String> parts = new java.util.ArrayList<>();
            if (!Set.copyOf(key.scopes()).equals(Set.copyOf(newScopes))) {
                parts.add(MessageFormat.format(messages.getString("scopes.change.scopes"), list(key.scopes()),
                        list(newScopes)));
            }
            List<String> had = key.account().allowedModels();
            if (newModels != null && !Set.copyOf(had).equals(Set.copyOf(newModels))) {
                parts.add(MessageFormat.format(messages.getString("scopes.change.models"), modelsText(had),
                        modelsText(newModels)));
            } else if (newModels == null && !parts.isEmpty()) {
                parts.add(MessageFormat.format(messages.getString("scopes.change.modelsKept"), modelsText(had)));
            }
            return EachKeyUpdate.name(key) + ": " + (parts.isEmpty() ? messages.getString("scopes.change.none")
                    : String.join("; ", parts));
        }).collect(Collectors.joining("\n"));
    }

    private String modelsText(List<String> list) {
        return list.isEmpty() ? messages.getString("scopes.allModels") : list(list);
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "\u2014" : VisibleText.escape(String.join(", ", items), 400);
    }

    private static List<String> names(String typed) {
        return Stream.of(typed.split("[,\\s]+")).map(String::strip).filter(m -> !m.isEmpty()).distinct().toList();
    }

    private List<String> ticked() {
        return scopes.stream().filter(s -> s.selected().get()).map(CreateKeyViewModel.ScopeChoice::scope).toList();
    }
}
