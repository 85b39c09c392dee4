package io.keydeck.ui.common;

import javafx.scene.Node;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The "save as" file dialog every export uses: a suggested name and one filter for its type. */
public final class SaveAsChooser {
    private SaveAsChooser() {
    }

    /** Asks where to save {@code suggestedName} (its extension picks the filter); empty when cancelled. */
    public static Optional<Path> ask(Node owner, String suggestedName) {
        String extension = suggestedName.substring(suggestedName.lastIndexOf('.') + 1);
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                extension.toUpperCase(Locale.ROOT), "*." + extension));
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    }
}
