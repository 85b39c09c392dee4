package io.keydeck.ui.main;

import atlantafx.base.controls.Message;
import io.keydeck.gateway.GatewayException;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.Theme;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class GatewayErrorShownInWindowTest {
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);

    @Start
    void start(Stage stage) {
        FakeGatewayClient failing = new FakeGatewayClient(List.of()).failingWith(new GatewayException(
                GatewayException.Kind.FORBIDDEN, 403, "insufficient_permissions",
                "This token lacks the keys:read scope", "req_5d1e0b77"));
        AppServices services = AppServices.of(tasks,
                List.of(ConnectionSession.of("Staging gateway", false, failing)),
                Clock.fixed(TestKeys.NOW, ZoneOffset.UTC));
        Theme.LIGHT.apply();
        stage.setScene(AppWindow.scene(services));
        stage.show();
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    @Test
    void theWindowSaysWhatTheGatewayAnsweredWithItsRequestId(FxRobot robot) throws Exception {
        waitUntil(10, () -> robot.lookup("#errorBanner").queryAs(Message.class).isVisible());

        Message banner = robot.lookup("#errorBanner").queryAs(Message.class);
        assertThat(onFx(banner::getTitle)).isEqualTo("Could not load keys");
        assertThat(onFx(banner::getDescription))
                .contains("This token lacks the keys:read scope")
                .contains("insufficient_permissions")
                .contains("req_5d1e0b77");

        String everything = onFx(() -> String.join("\n", visibleTexts(banner.getScene().getRoot())));
        assertThat(everything).contains("req_5d1e0b77");
        assertThat(everything).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at io.keydeck");
        assertThat(onFx(() -> robot.lookup(".status-bar").queryParent().lookupAll(".label").stream()
                .map(n -> ((Labeled) n).getText()).toList())).contains("Loading keys failed");
    }

    private static List<String> visibleTexts(Parent root) {
        List<String> texts = new ArrayList<>();
        collect(root, texts);
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            texts.add(labeled.getText());
        }
        if (node instanceof Text text && text.getText() != null) {
            texts.add(text.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
        }
    }
}
