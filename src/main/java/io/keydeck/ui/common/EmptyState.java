package io.keydeck.ui.common;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What a table shows when it has no rows: an icon, what the state is, and what to do next, so an empty
 * view never looks broken.
 */
public final class EmptyState extends VBox {
    private final FontIcon icon = new FontIcon();
    private final Label title = new Label();
    private final Label hint = new Label();

    public EmptyState() {
        super(8);
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        setMaxWidth(460);
        icon.getStyleClass().add("empty-state-icon");
        title.getStyleClass().add("empty-state-title");
        hint.getStyleClass().add("empty-state-hint");
        hint.setWrapText(true);
        getChildren().addAll(icon, title, hint);
    }

    public void show(Ikon symbol, String titleText, String hintText) {
        icon.setIconCode(symbol);
        title.setText(titleText);
        hint.setText(hintText);
        setAccessibleText(titleText + ". " + hintText);
    }
}
