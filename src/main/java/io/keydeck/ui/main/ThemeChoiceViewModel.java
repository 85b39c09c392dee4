package io.keydeck.ui.main;

import io.keydeck.settings.Theme;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The theme menu: System, Light or Dark. A new choice is applied at once and saved; "System" asks the
 * OS in the background, as that runs a command.
 */
public final class ThemeChoiceViewModel {
    private final ObjectProperty<Theme> choice;

    public ThemeChoiceViewModel(Theme saved, Consumer<Theme> save, Executor background,
                                Supplier<io.keydeck.ui.common.Theme> system) {
        choice = new SimpleObjectProperty<>(saved);
        choice.addListener((obs, old, picked) -> {
            if (picked == null || picked == old) {
                return;
            }
            save.accept(picked);
            if (picked == Theme.SYSTEM) {
                CompletableFuture.supplyAsync(system, background).thenAccept(look -> Platform.runLater(look::apply));
            } else {
                io.keydeck.ui.common.Theme.of(picked, system).apply();
            }
        });
    }

    public ObjectProperty<Theme> choiceProperty() {
        return choice;
    }
}
