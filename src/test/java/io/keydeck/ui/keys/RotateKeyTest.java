package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Rotate a key: the replacement comes first, and nothing is revoked unless the user chooses it. */
class RotateKeyTest {
    private final ApiKey old = new ApiKey("key_0777", "Checkout", "mrk_live_", "0777", KeyEnvironment.LIVE,
            List.of("chat:write", "models:read"), Instant.now().minus(Duration.ofDays(30)), null, null,
            Instant.now().plus(Duration.ofDays(60)), false, null, false, java.util.Map.of());
    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void aFailedCreateRevokesNothingAndARetryReplacesTheKeyWithTheSamePolicy() throws Exception {
        FakeGatewayClient client = new FakeGatewayClient(List.of(old, TestKeys.active("key_0001", "Other")))
                .withCapabilities(Capability.values())
                .failingCreatesWith(new GatewayException(GatewayException.Kind.SERVER, 500, "server_error",
                        "Upstream database unavailable", "req_r0t"));
        window = KeysWindow.on(client);
        var robot = window.robot;
        window.select(window.row("Checkout"));
        robot.clickOn("#rotateButton");
        waitUntil(5, () -> robot.lookup("#createReplacementButton").tryQuery().isPresent());
        robot.clickOn("#createReplacementButton");

        waitUntil(10, () -> KeysWindow.textOfAllWindows().stream().anyMatch(t -> t != null
                && t.contains("Upstream database unavailable") && t.contains("req_r0t")));
        assertThat(client.revokedIds()).isEmpty();
        assertThat(window.row("Checkout").revoked()).isFalse();

        robot.clickOn("#createReplacementButton");
        waitUntil(10, () -> robot.lookup("#storedCheckBox").tryQuery().isPresent());
        assertThat(client.idempotencyKeys()).hasSize(2);
        assertThat(client.idempotencyKeys().get(0)).isEqualTo(client.idempotencyKeys().get(1));
        robot.clickOn("#storedCheckBox");
        robot.clickOn("#closeSecretButton");
        waitUntil(5, () -> robot.lookup("#rotateRevokeOldAlert").tryQuery().isPresent());
        assertThat(client.revokedIds()).isEmpty();
        robot.clickOn("#keepBothButton");

        ApiKey replacement = onFx(() -> window.table().getItems().stream()
                .filter(k -> k.name().startsWith("Checkout (rotated ")).findFirst().orElseThrow());
        assertThat(replacement.scopes()).containsExactly("chat:write", "models:read");
        assertThat(replacement.environment()).isEqualTo(KeyEnvironment.LIVE);
        assertThat(replacement.expiresAt()).isCloseTo(Instant.now().plus(Duration.ofDays(90)), within(Duration.ofMinutes(5).toMillis(), java.time.temporal.ChronoUnit.MILLIS));
        assertThat(client.revokedIds()).isEmpty();
        assertThat(window.row("Checkout").revoked()).isFalse();
    }
}
