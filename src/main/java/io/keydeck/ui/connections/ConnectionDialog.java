package io.keydeck.ui.connections;

import io.keydeck.ui.common.DialogButtons;
import io.keydeck.ui.common.DisplayText;
import atlantafx.base.theme.Styles;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.ui.connections.ConnectionDialogViewModel.TestOutcome;
import io.keydeck.ui.common.FormLabel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ResourceBundle;

/**
 * The add/edit connection form. Only binds to {@link ConnectionDialogViewModel}; its result is a
 * button whose data is {@code OK_DONE} when the user saved. The token field starts empty even when editing: a saved token is never
 * shown again.
 */
public final class ConnectionDialog extends Dialog<ButtonType> {
    private static final double RESULT_HEIGHT = 150;
    public ConnectionDialog(Window owner, ConnectionDialogViewModel viewModel, ResourceBundle messages) {
        io.keydeck.ui.common.DialogOwner.set(this, owner);
        setTitle(messages.getString(viewModel.isEditing() ? "connectionDialog.editTitle" : "connectionDialog.addTitle"));
        setHeaderText(getTitle());
        ButtonType save = new ButtonType(messages.getString("connectionDialog.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, DialogButtons.cancel(messages));
        getDialogPane().getStyleClass().add("connection-dialog");
        getDialogPane().setPrefWidth(620);
        setResizable(true);

        TextField name = new TextField();
        name.setId("connectionName");
        name.textProperty().bindBidirectional(viewModel.displayNameProperty());

        ComboBox<GatewayDriver> driver = new ComboBox<>();
        driver.setId("connectionDriver");
        driver.getItems().setAll(viewModel.drivers());
        driver.setConverter(DisplayText.of(GatewayDriver::displayName));
        driver.valueProperty().bindBidirectional(viewModel.driverProperty());
        driver.setMaxWidth(Double.MAX_VALUE);

        TextField url = new TextField();
        url.setId("connectionUrl");
        url.setPromptText("https://api.example.com");
        url.textProperty().bindBidirectional(viewModel.baseUrlProperty());

        PasswordField token = new PasswordField();
        token.setId("connectionToken");
        token.setPromptText(messages.getString("connectionDialog.tokenPrompt"));
        token.textProperty().bindBidirectional(viewModel.tokenProperty());

        ComboBox<EnvironmentTag> environment = new ComboBox<>();
        environment.setId("connectionEnvironment");
        environment.getItems().setAll(viewModel.environments());
        environment.setConverter(DisplayText.of(EnvironmentTag::label));
        environment.valueProperty().bindBidirectional(viewModel.environmentProperty());

        TextField deadline = new TextField();
        deadline.setId("connectionDeadline");
        deadline.setPromptText(messages.getString("connectionDialog.deadlinePrompt"));
        deadline.setPrefColumnCount(6);
        deadline.setMaxWidth(Region.USE_PREF_SIZE);
        deadline.textProperty().bindBidirectional(viewModel.deadlineProperty());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(4);
        form.getColumnConstraints().addAll(new ColumnConstraints(110), grow());
        int row = 0;
        row = field(form, row, messages.getString("connectionDialog.name"), name, problem(viewModel.nameProblemProperty()));
        row = field(form, row, messages.getString("connectionDialog.driver"), driver,
                problem(viewModel.driverProblemProperty()));
        row = field(form, row, messages.getString("connectionDialog.baseUrl"), url,
                problem(viewModel.baseUrlProblemProperty()));
        row = field(form, row, messages.getString("connectionDialog.token"), token,
                problem(viewModel.tokenProblemProperty()), note(viewModel.tokenDetailsProperty(), "token-details"),
                hint(viewModel.tokenHint()));
        row = field(form, row, messages.getString("connectionDialog.environment"), environment);
        field(form, row, messages.getString("connectionDialog.deadline"), deadline,
                problem(viewModel.deadlineProblemProperty()), hint(messages.getString("connectionDialog.deadlineHint")));

        Button test = new Button(messages.getString("connectionDialog.test"));
        test.setId("testConnection");
        test.setOnAction(e -> viewModel.testConnection());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(viewModel.testOutcomeProperty().isEqualTo(TestOutcome.RUNNING));
        Label result = note(viewModel.testResultProperty(), "test-result");
        result.setId("testResult");
        viewModel.testOutcomeProperty().addListener((obs, old, outcome) -> {
            result.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (outcome == TestOutcome.SUCCEEDED) {
                result.getStyleClass().add(Styles.SUCCESS);
            } else if (outcome == TestOutcome.FAILED) {
                result.getStyleClass().add(Styles.DANGER);
            }
        });
        result.managedProperty().unbind();
        result.setManaged(true);
        result.setMaxWidth(Double.MAX_VALUE);
        ScrollPane resultArea = new ScrollPane(result);
        resultArea.setFitToWidth(true);
        resultArea.setMinViewportHeight(RESULT_HEIGHT / 3);
        resultArea.setPrefViewportHeight(RESULT_HEIGHT);
        resultArea.getStyleClass().add("edge-to-edge");
        resultArea.visibleProperty().bind(Bindings.isNotEmpty(viewModel.testResultProperty()));
        resultArea.managedProperty().bind(resultArea.visibleProperty()); // the dialog grows when a result comes
        io.keydeck.ui.common.DialogGrowth.followContent(this);
        VBox content = new VBox(14, form, new HBox(10, test, spinner), resultArea);
        content.setPadding(new Insets(8, 12, 4, 12));
        getDialogPane().setContent(content);

        Node saveButton = getDialogPane().lookupButton(save);
        saveButton.setId("saveConnection");
        saveButton.disableProperty().bind(viewModel.validProperty().not());
        setOnHidden(e -> viewModel.cancelTest());
    }

    private static int field(GridPane form, int row, String labelText, Node input, Node... below) {
        form.add(FormLabel.of(labelText, input), 0, row);
        form.add(input, 1, row++);
        for (Node line : below) {
            form.add(line, 1, row++);
        }
        return row;
    }

    private static Label problem(ObservableStringValue text) {
        Label label = note(text, "field-problem");
        label.getStyleClass().add(Styles.DANGER);
        return label;
    }

    private static Label note(ObservableStringValue text, String styleClass) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE); // wrap onto more lines rather than cut the sentence
        label.getStyleClass().add(styleClass);
        label.managedProperty().bind(Bindings.isNotEmpty(text));
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().addAll("field-hint", Styles.TEXT_MUTED);
        return label;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        column.setFillWidth(true);
        return column;
    }

}
