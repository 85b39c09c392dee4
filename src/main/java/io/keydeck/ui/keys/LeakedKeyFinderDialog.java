package io.keydeck.ui.keys;

import io.keydeck.model.VisibleText;
import io.keydeck.model.ApiKey;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * Paste a secret or a log line and see which of your keys it exposes, each with a one-click revoke.
 * The pasted text is cleared from the text area when the dialog closes.
 */
public final class LeakedKeyFinderDialog {
    private final LeakedKeyFinderViewModel viewModel;
    private final ResourceBundle messages;
    private final Consumer<LeakedKeyFinderViewModel.Found> revoke;
    private final Consumer<ApiKey> show;
    private final Dialog<Void> dialog;
    private final TextArea pasted = new TextArea();
    private final VBox results = new VBox(6);

    /** {@code revoke} gets a key of any connection; {@code show} one of the shown connection. */
    public LeakedKeyFinderDialog(Window owner, LeakedKeyFinderViewModel viewModel, ResourceBundle messages,
                                 Consumer<LeakedKeyFinderViewModel.Found> revoke, Consumer<ApiKey> show) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.revoke = revoke;
        this.show = show;
        dialog = DialogForms.dialog(owner, messages.getString("leaked.title"), messages.getString("leaked.header"));
        ButtonType close = new ButtonType(messages.getString("leaked.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().add(close);
        dialog.getDialogPane().lookupButton(close).setId("closeLeakedButton");
        dialog.getDialogPane().setContent(content());
        dialog.setOnHidden(e -> {
            pasted.clear();
            viewModel.clear();
            results.getChildren().clear();
        });
    }

    public void showAndWait() {
        dialog.showAndWait();
    }

    private Node content() {
        pasted.setId("leakedText");
        pasted.setPromptText(messages.getString("leaked.prompt"));
        pasted.setWrapText(true);
        pasted.setPrefRowCount(4);
        pasted.textProperty().bindBidirectional(viewModel.textProperty());
        Label privacy = new Label(messages.getString("leaked.privacy"), new FontIcon(Feather.LOCK));
        privacy.setWrapText(true);
        privacy.getStyleClass().add("text-muted");
        Label summary = DialogForms.hint(viewModel.summaryProperty(), "text-bold", "leakedSummary");
        results.setId("leakedResults");
        viewModel.matches().addListener((ListChangeListener<LeakedKeyFinderViewModel.Match>) c -> showMatches());
        VBox content = new VBox(12, pasted, privacy, summary, results, progress());
        content.setPrefWidth(680); // no height of its own: the dialog grows when matches come (DialogGrowth)
        return content;
    }

    /** Which connections were searched, which are still being searched (with Stop), and what failed. */
    private Node progress() {
        Label searched = DialogForms.hint(viewModel.progressProperty(), "text-muted", "leakedProgress");
        searched.setWrapText(true);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        Button stop = new Button(messages.getString("leaked.stop"));
        stop.setId("stopLeakSearchButton");
        stop.setOnAction(e -> viewModel.stopSearching());
        stop.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox searching = new HBox(8, spinner, stop);
        searching.setAlignment(Pos.CENTER_LEFT);
        searching.visibleProperty().bind(viewModel.searchingProperty());
        searching.managedProperty().bind(searching.visibleProperty());
        HBox.setHgrow(searched, Priority.ALWAYS);
        searched.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(8, searched, searching);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private void showMatches() {
        results.getChildren().clear();
        for (LeakedKeyFinderViewModel.Match match : viewModel.matches()) {
            if (match.keys().isEmpty()) {
                Label unknown = new Label(MessageFormat.format(messages.getString("leaked.unknown"),
                        VisibleText.escape(match.hint(), 120)),
                        new FontIcon(Feather.HELP_CIRCLE));
                unknown.getStyleClass().add("leak-unknown");
                results.getChildren().add(unknown);
            }
            for (LeakedKeyFinderViewModel.Found found : match.keys()) {
                results.getChildren().add(matchRow(found));
            }
        }
    }

    private Node matchRow(LeakedKeyFinderViewModel.Found found) {
        ApiKey key = found.key();
        Label label = new Label(viewModel.describe(found), new FontIcon(Feather.ALERT_OCTAGON));
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        Button showButton = new Button(messages.getString("leaked.show"));
        showButton.setOnAction(e -> show.accept(key));
        showButton.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        showButton.setVisible(viewModel.isActive(found)); // the Keys view shows the shown connection only
        showButton.setManaged(showButton.isVisible());
        Button revokeButton = new Button(messages.getString("leaked.revoke"), new FontIcon(Feather.TRASH_2));
        revokeButton.setId("revokeLeakedButton");
        revokeButton.getStyleClass().add("danger");
        revokeButton.setDisable(key.revoked());
        revokeButton.setOnAction(e -> revoke.accept(found));
        revokeButton.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(8, label, showButton, revokeButton);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().addAll("leak-match", key.revoked() ? "leak-revoked" : "leak-live");
        return row;
    }
}
