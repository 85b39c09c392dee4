package io.keydeck.ui;

import io.keydeck.session.ConnectionSession;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.Theme;
import javafx.application.Application;
import javafx.stage.Stage;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Shows the main window over varied fake keys, for looking at the layout by eye (not a test). */
public class PreviewWindow extends Application {
    /** A plain main class, as the JavaFX launcher check demands for the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(PreviewWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        List<ApiKey> keys = new ArrayList<>();
        String[] names = {"Checkout service", "Batch summariser", "Support bot", "CI smoke tests", "Data export",
            "Mobile app", "Search reranker", "Legacy importer", "Analytics ETL", "Partner sandbox"};
        for (int i = 0; i < names.length; i++) {
            keys.add(TestKeys.key("key_" + (7000 + i * 137), names[i], i % 3 == 0 ? KeyEnvironment.TEST : KeyEnvironment.LIVE,
                    i % 2 == 0 ? List.of("chat", "embeddings") : List.of("chat"), Duration.ofDays(5 + i * 17),
                    i == 3 ? null : Duration.ofHours(i * 9 + 1), i == 4 ? Duration.ofDays(6) : i == 7 ? Duration.ofDays(-3) : null,
                    i == 8, i == 5));
        }
        BackgroundTasks tasks = BackgroundTasks.pool(2);
        AppServices services = AppServices.of(tasks,
                List.of(ConnectionSession.of("Sandbox (local demo)", true, new FakeGatewayClient(keys))),
                Clock.fixed(TestKeys.NOW, ZoneOffset.UTC));
        Theme.fromArguments(getParameters().getRaw()).orElse(Theme.LIGHT).apply();
        stage.setTitle("KeyDeck");
        stage.setScene(AppWindow.scene(services));
        stage.show();
        if (getParameters().getRaw().contains("--select")) {
            javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
            pause.setOnFinished(e -> ((javafx.scene.control.TableView<?>) stage.getScene().lookup(".keys-table"))
                    .getSelectionModel().select(4));
            pause.play();
        }
    }
}
