package io.keydeck.hostile;

import atlantafx.base.controls.Message;
import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayLimits;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.multiroute.MultiRouteDriver;
import io.keydeck.hostile.HostileGateway.Mode;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.Theme;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import org.controlsfx.control.MaskerPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window against the hostile gateway of {@link GatewayBoundsTest}: a rate-limited or stalled key
 * load shows what is happening (a countdown, the seconds of silence, the wait on the status line),
 * the window stays responsive, Retry and Cancel do what they say, and Cancel ends the HTTP call itself.
 */
class HostileGatewayInTheWindowTest {
    private static final Pattern SECONDS = Pattern.compile("in (\\d+) s");

    private final FxRobot robot = new FxRobot();
    private final BackgroundTasks tasks = BackgroundTasks.pool(4);
    private HostileGateway gateway;
    private AppServices services;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        tasks.close();
        if (gateway != null) {
            gateway.close();
        }
    }

    private void open(HostileGateway hostile, Duration deadline) throws Exception {
        gateway = hostile;
        GatewayClient client = new MultiRouteDriver().connect(new GatewayTarget(URI.create(hostile.baseUrl()),
                AdminToken.of("mrk_admin_x".toCharArray()), Map.of(),
                GatewayLimits.defaults().withDeadline(deadline), null));
        services = AppServices.of(tasks, List.of(ConnectionSession.of("Hostile", false, client)),
                Clock.systemDefaultZone());
        FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply();
            stage.setScene(AppWindow.scene(services));
            stage.setWidth(1240);
            stage.setHeight(780);
            stage.show();
        });
    }

    @Test
    void aRetryAfterLongerThanTheDeadlineCountsDownWithRetryAndDontRetry() throws Exception {
        open(new HostileGateway(Mode.RETRY_AFTER).retryAfter(40), Duration.ofSeconds(5));
        waitUntil(15, () -> onFx(() -> node("#keysRetryBar").isVisible()));
        assertThat(onFx(() -> robot.lookup("#errorBanner").queryAs(Message.class).getDescription()))
                .startsWith("rate limited; the gateway asks to wait 40 s");
        int first = shownSeconds();
        assertThat(first).isBetween(30, 40);
        waitUntil(5, () -> shownSeconds() < first); // counts down: the FX thread is not held

        int asked = gateway.requests();
        robot.clickOn("#keysRetryNowButton");
        waitUntil(10, () -> gateway.requests() > asked);
        waitUntil(10, () -> onFx(() -> node("#keysRetryBar").isVisible()) && shownSeconds() >= 35);

        robot.clickOn("#keysCancelRetryButton");
        waitUntil(5, () -> onFx(() -> !node("#keysRetryBar").isVisible()));
        assertThat(statusTexts()).anyMatch(t -> t.startsWith("Not retrying"));
    }

    @Test
    void usageAndTheAuthLogCountDownARateLimitWithRetryAndDontRetryToo() throws Exception {
        open(new HostileGateway(Mode.RETRY_AFTER).retryAfter(40), Duration.ofSeconds(5));
        waitUntil(15, () -> onFx(() -> node("#keysRetryBar").isVisible()));
        for (String view : List.of("usage", "authlog")) {
            onFx(() -> services.navigation().show("usage".equals(view)
                    ? io.keydeck.ui.common.FxmlView.USAGE : io.keydeck.ui.common.FxmlView.AUTH_LOG));
            waitUntil(15, () -> onFx(() -> robot.lookup("#" + view + "RetryBar").tryQuery()
                    .map(Node::isVisible).orElse(false)));
            int first = seconds(view + "RetryLabel");
            assertThat(first).as(view).isBetween(30, 40);
            waitUntil(5, () -> seconds(view + "RetryLabel") < first);

            int asked = gateway.requests();
            onFx(() -> ((Button) node("#" + view + "RetryNowButton")).fire());
            waitUntil(10, () -> gateway.requests() > asked);
            waitUntil(10, () -> onFx(() -> node("#" + view + "RetryBar").isVisible()) && seconds(view + "RetryLabel") >= 35);

            onFx(() -> ((Button) node("#" + view + "CancelRetryButton")).fire());
            waitUntil(5, () -> onFx(() -> !node("#" + view + "RetryBar").isVisible()));
            assertThat(statusTexts()).as(view).anyMatch(t -> t.startsWith("Not retrying"));
        }
    }

    @Test
    void whenTheCountdownEndsTheKeysAreAskedForAgain() throws Exception {
        open(new HostileGateway(Mode.RETRY_AFTER).retryAfter(1), Duration.ofMillis(500));
        waitUntil(15, () -> onFx(() -> node("#keysRetryBar").isVisible()));
        int asked = gateway.requests("/v1/api-keys");
        waitUntil(10, () -> gateway.requests("/v1/api-keys") > asked);
        onFx(() -> ((Button) node("#keysCancelRetryButton")).fire());
    }

    @Test
    void aWaitTheTransportTakesIsCountedDownOnTheStatusLineAndCancelEndsIt() throws Exception {
        open(new HostileGateway(Mode.RETRY_AFTER).retryAfter(20), Duration.ofSeconds(60));
        waitUntil(15, () -> statusTexts().stream().anyMatch(t -> t.startsWith("Asking the gateway again in ")
                && t.contains("before trying GET /v1/api-keys again (retry 1 of 3): the gateway is rate limiting")));
        int asked = gateway.requests("/v1/api-keys");
        robot.clickOn("#cancelButton");
        waitUntil(5, () -> onFx(() -> !robot.lookup("#masker").queryAs(MaskerPane.class).isVisible()
                && !node("#cancelButton").isVisible()));
        assertThat(gateway.requests("/v1/api-keys")).as("no further attempt after Cancel").isEqualTo(asked);
    }

    @Test
    void aStalledAnswerSaysHowLongItIsSilentAndCancelHangsUp() throws Exception {
        open(new HostileGateway(Mode.STALLED_BODY), Duration.ofSeconds(60));
        waitUntil(15, () -> onFx(() -> robot.lookup("#masker").queryAs(MaskerPane.class).getText())
                .contains("The gateway has sent nothing for 3 s"));
        assertThat(onFx(() -> node("#cancelButton").isVisible())).isTrue();
        robot.clickOn("#cancelButton");
        waitUntil(5, () -> onFx(() -> !robot.lookup("#masker").queryAs(MaskerPane.class).isVisible()));
        waitUntil(5, () -> gateway.hungUpPaths().contains("/v1/api-keys"));
    }

    @Test
    void aCreateWhoseAnswerWasDroppedNamesTheKeyAndOffersToRevokeIt() throws Exception {
        open(new HostileGateway(Mode.DROP_AFTER_CREATE), Duration.ofSeconds(10));
        waitUntil(15, () -> onFx(() -> !robot.lookup("#masker").queryAs(MaskerPane.class).isVisible()));
        robot.clickOn("#newKeyButton");
        waitUntil(5, () -> robot.lookup("#keyNameField").tryQuery().isPresent());
        onFx(() -> robot.lookup("#keyNameField").queryAs(javafx.scene.control.TextField.class).setText("ci-bot"));
        assertThat(onFx(() -> node("#revokeLostKeyButton").isVisible())).as("only once a secret is lost").isFalse();
        robot.clickOn("#createKeyButton");

        // shown, and inside the dialog: the dialog grows to the error and the button instead of hiding them
        waitUntil(20, () -> onFx(() -> node("#revokeLostKeyButton").isVisible()));
        waitUntil(20, () -> onFx(() -> node("#revokeLostKeyButton").isVisible() && node("#revokeLostKeyButton")
                .localToScene(node("#revokeLostKeyButton").getLayoutBounds()).getMaxY()
                <= node("#revokeLostKeyButton").getScene().getHeight()));
        assertThat(onFx(() -> robot.lookup("#dialogError").queryAll().stream()
                .map(n -> ((Message) n).getDescription()).toList()))
                .anyMatch(t -> t != null && t.contains("The gateway created key \"ci-bot\" (mrk_live_…wxyz, id key_lost_1)"
                        + " but its secret was lost in transit — revoke it"));
        assertThat(gateway.createdKeys()).as("replays used the same Idempotency-Key").isEqualTo(1);

        onFx(() -> ((Button) node("#revokeLostKeyButton")).fire()); // shown inside the dialog, checked above
        waitUntil(5, () -> robot.lookup("#confirmRevokeButton").tryQuery().isPresent());
        assertThat(robot.lookup("#keyNameField").tryQuery()).as("the create form is closed").isEmpty();
        assertThat(onFx(() -> robot.lookup(".dialog-pane").queryAll().stream()
                .flatMap(p -> p.lookupAll(".label").stream()).map(n -> ((Labeled) n).getText()).toList()))
                .anyMatch(t -> t != null && t.contains("ci-bot"));
        assertThat(onFx(() -> ((Button) node("#confirmRevokeButton")).isDefaultButton()))
                .as("revoking is never the default button").isFalse();
    }

    private Node node(String query) {
        return robot.lookup(query).query();
    }

    private int shownSeconds() throws Exception {
        return seconds("keysRetryLabel");
    }

    private int seconds(String labelId) throws Exception {
        String text = onFx(() -> ((Label) node("#" + labelId)).getText());
        Matcher m = SECONDS.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private List<String> statusTexts() throws Exception {
        return onFx(() -> robot.lookup(".status-bar").queryParent().lookupAll(".label").stream()
                .map(n -> ((Labeled) n).getText()).toList());
    }
}
