package io.keydeck.ui.journal;

import io.keydeck.ui.common.DisplayText;
import io.keydeck.ui.journal.ForwardingFormViewModel.Format;
import io.keydeck.ui.journal.ForwardingFormViewModel.Kind;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.Locale;
import java.util.ResourceBundle;

/** Binds the Journal view's forwarding line and form to {@link ForwardingFormViewModel}; no logic of its own. */
public final class ForwardingFormController {
    private final ForwardingFormViewModel viewModel;
    private final ResourceBundle messages;

    @FXML private Label forwardingStatus;
    @FXML private ComboBox<Kind> forwardKind;
    @FXML private GridPane syslogFields;
    @FXML private TextField syslogHost;
    @FXML private TextField syslogPort;
    @FXML private CheckBox syslogTls;
    @FXML private GridPane collectorFields;
    @FXML private TextField collectorUrl;
    @FXML private ComboBox<Format> collectorFormat;
    @FXML private Label tokenHeaderLabel;
    @FXML private TextField tokenHeader;
    @FXML private PasswordField collectorToken;
    @FXML private CheckBox clearToken;
    @FXML private Label tokenKept;
    @FXML private GridPane trustFields;
    @FXML private TextField trustFile;
    @FXML private Button saveForwarding;
    @FXML private Label formProblem;
    @FXML private Label formResult;

    public ForwardingFormController(ForwardingFormViewModel viewModel, ResourceBundle messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        forwardingStatus.textProperty().bind(viewModel.statusProperty());
        viewModel.statusBadProperty().addListener((obs, old, bad) -> {
            forwardingStatus.getStyleClass().removeAll("danger", "text-muted");
            forwardingStatus.getStyleClass().add(bad ? "danger" : "text-muted");
        });
        forwardKind.getItems().setAll(Kind.values());
        forwardKind.setConverter(DisplayText.of(k -> messages.getString("journal.forwarding.kind."
                + k.name().toLowerCase(Locale.ROOT))));
        forwardKind.valueProperty().bindBidirectional(viewModel.kindProperty());
        collectorFormat.getItems().setAll(Format.values());
        collectorFormat.setConverter(DisplayText.of(f -> messages.getString("journal.forwarding.format."
                + f.name().toLowerCase(Locale.ROOT))));
        collectorFormat.valueProperty().bindBidirectional(viewModel.formatProperty());
        syslogHost.textProperty().bindBidirectional(viewModel.hostProperty());
        syslogPort.textProperty().bindBidirectional(viewModel.portProperty());
        syslogTls.selectedProperty().bindBidirectional(viewModel.tlsProperty());
        collectorUrl.textProperty().bindBidirectional(viewModel.urlProperty());
        tokenHeader.textProperty().bindBidirectional(viewModel.tokenHeaderProperty());
        collectorToken.textProperty().bindBidirectional(viewModel.tokenProperty());
        clearToken.selectedProperty().bindBidirectional(viewModel.clearTokenProperty());
        trustFile.textProperty().bindBidirectional(viewModel.trustFileProperty());
        tokenKept.textProperty().bind(viewModel.tokenKeptProperty());

        showWhen(syslogFields, Kind.SYSLOG);
        showWhen(collectorFields, Kind.HTTPS);
        trustFields.visibleProperty().bind(viewModel.kindProperty().isNotEqualTo(Kind.OFF));
        trustFields.managedProperty().bind(trustFields.visibleProperty());
        tokenHeader.disableProperty().bind(viewModel.formatProperty().isNotEqualTo(Format.OTLP));
        tokenHeaderLabel.disableProperty().bind(tokenHeader.disableProperty());

        saveForwarding.disableProperty().bind(viewModel.savingProperty());
        formProblem.textProperty().bind(viewModel.problemProperty());
        formResult.textProperty().bind(viewModel.resultProperty());
        viewModel.start();
    }

    private void showWhen(Node fields, Kind kind) {
        fields.visibleProperty().bind(viewModel.kindProperty().isEqualTo(kind));
        fields.managedProperty().bind(fields.visibleProperty());
    }

    @FXML
    private void save() {
        viewModel.save();
    }
}
