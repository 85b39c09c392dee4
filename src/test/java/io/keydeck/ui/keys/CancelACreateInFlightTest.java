package io.keydeck.ui.keys;

import atlantafx.base.controls.Message;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.Theme;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** A create the gateway is slow to answer can be cancelled from the dialog, which stays open. */
@ExtendWith(ApplicationExtension.class)
class CancelACreateInFlightTest {
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private final CountDownLatch gatewayAnswers = new CountDownLatch(1);
    private final FakeGatewayClient client = new FakeGatewayClient(TestKeys.many(3))
            .withCapabilities(io.keydeck.model.Capability.values()).creatingOnlyAfter(gatewayAnswers);

    @Start
    void start(Stage stage) {
        AppServices services = AppServices.of(tasks, List.of(ConnectionSession.of("Staging gateway", false, client)),
                Clock.fixed(TestKeys.NOW, ZoneOffset.UTC));
        Theme.LIGHT.apply();
        stage.setScene(AppWindow.scene(services));
        stage.show();
    }

    @AfterEach
    void closeTasks() {
        gatewayAnswers.countDown();
        tasks.close();
    }

    @Test
    void cancelStopsWaitingKeepsTheFormAndNeverShowsTheLateSecret(FxRobot robot) throws Exception {
        waitUntil(10, () -> robot.lookup("#newKeyButton").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#newKeyButton");
        robot.clickOn("#keyNameField").write("Slow worker");
        robot.clickOn("#createKeyButton");
        waitUntil(10, () -> client.idempotencyKeys().size() == 1);

        Button cancel = onFx(() -> robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> ButtonBar.getButtonData(b) == ButtonBar.ButtonData.CANCEL_CLOSE).findFirst().orElseThrow());
        assertThat(onFx(cancel::isDisabled)).as("Cancel works while the gateway is asked").isFalse();
        robot.clickOn(cancel);

        waitUntil(10, () -> onFx(() -> robot.lookup(".message").queryAllAs(Message.class).stream()
                .anyMatch(m -> m.isVisible() && String.valueOf(m.getDescription()).startsWith("Cancelled"))));
        assertThat(onFx(() -> robot.lookup("#keyNameField").tryQuery().isPresent())).as("the form stays").isTrue();

        gatewayAnswers.countDown();
        waitUntil(10, () -> client.issued().size() == 1 && client.issued().get(0).isWiped());
        assertThat(onFx(() -> robot.lookup("#revealButton").tryQuery().isPresent())).isFalse();
    }
}
