package io.keydeck.ui.keys;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.sandbox.IssuedKey;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.Theme;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.time.Clock;
import java.util.List;

/** Opens one key dialog over the real sandbox, for screenshots by eye (not a test). Argument: which dialog. */
public class KeyDialogsPreview extends Application {
    /** A plain main class, as the JavaFX launcher check demands for the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(KeyDialogsPreview.class, args);
        }
    }

    private Stage stage;
    private IssuedKey leaked;

    @Override
    public void start(Stage primary) throws Exception {
        stage = primary;
        SandboxGateway sandbox = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false));
        leaked = sandbox.issueInferenceKey("payments-webhook");
        GatewayClient client = GatewayDriver.byId("multiroute").orElseThrow()
                .connect(new GatewayTarget(sandbox.baseUrl(), AdminToken.of(sandbox.adminToken())));
        AppServices services = AppServices.of(BackgroundTasks.pool(2),
                List.of(ConnectionSession.of("Sandbox (local demo)", true, client)), Clock.systemDefaultZone());
        Theme.LIGHT.apply();
        stage.setTitle("KeyDeck");
        stage.setScene(AppWindow.scene(services));
        stage.setWidth(1240);
        stage.setHeight(780);
        stage.show();
        whenLoaded();
    }

    private void whenLoaded() {
        later(1, () -> {
            if (table() != null && !table().getItems().isEmpty() && !find("#newKeyButton").isDisabled()) {
                open(getParameters().getRaw().get(0));
            } else {
                whenLoaded();
            }
        });
    }

    private void open(String which) {
        TableView<ApiKey> table = table();
        List<ApiKey> live = table.getItems().stream()
                .filter(k -> !k.revoked() && k.environment() == KeyEnvironment.LIVE).toList();
        switch (which) {
            case "create" -> {
                later(1, () -> {
                    ((TextField) find("#keyNameField")).setText("billing-service");
                    ((CheckBox) lookupAll(".scope-choice").get(0)).setSelected(true);
                    ((CheckBox) lookupAll(".scope-choice").get(2)).setSelected(true);
                });
                fire("#newKeyButton");
            }
            case "secret", "secret-revealed" -> {
                later(1, () -> {
                    ((TextField) find("#keyNameField")).setText("Checkout worker");
                    later(1, () -> fire("#createKeyButton"));
                    if (which.equals("secret-revealed")) {
                        later(3, () -> fire("#revealButton"));
                    }
                });
                fire("#newKeyButton");
            }
            case "revoke" -> {
                select(table, live.get(0));
                later(1, () -> ((TextField) find("#revokeConfirmField")).setText(live.get(0).name().substring(0, 5)));
                fire("#revokeButton");
            }
            case "revoke-bulk" -> {
                select(table, live.get(0), live.get(1), live.get(2));
                fire("#revokeButton");
            }
            case "rotate" -> {
                select(table, live.stream().filter(k -> k.expiresAt() != null).findFirst().orElseThrow());
                fire("#rotateButton");
            }
            case "leaked" -> {
                later(1, () -> ((TextArea) find("#leakedText")).setText("2026-11-27T09:14:03Z WARN proxy upstream=chat "
                        + "Authorization: Bearer " + leaked.secret() + " status=200 ip=203.0.113.9\n"
                        + "2026-11-27T09:14:05Z WARN proxy Authorization: Bearer mrk_live_q8ZrT0dd0ntExist0nThisGw77 status=401"));
                fire("#leakedButton");
            }
            default -> throw new IllegalArgumentException(which);
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<ApiKey> table() {
        return (TableView<ApiKey>) stage.getScene().lookup(".keys-table");
    }

    private static void select(TableView<ApiKey> table, ApiKey... keys) {
        table.getSelectionModel().clearSelection();
        for (ApiKey key : keys) {
            table.getSelectionModel().select(key);
        }
    }

    private void fire(String id) {
        ((ButtonBase) find(id)).fire();
    }

    private static Node find(String selector) {
        return lookupAll(selector).get(0);
    }

    private static List<Node> lookupAll(String selector) {
        return Window.getWindows().stream().filter(w -> w.getScene() != null)
                .flatMap(w -> w.getScene().getRoot().lookupAll(selector).stream()).toList();
    }

    private static void later(double seconds, Runnable action) {
        PauseTransition pause = new PauseTransition(Duration.seconds(seconds));
        pause.setOnFinished(e -> javafx.application.Platform.runLater(action));
        pause.play();
    }
}
