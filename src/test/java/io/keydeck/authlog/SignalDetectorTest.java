package io.keydeck.authlog;

import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.KeyEnvironment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.keydeck.authlog.TestEvents.T0;
import static io.keydeck.authlog.TestEvents.event;
import static io.keydeck.authlog.TestEvents.invalid;
import static org.assertj.core.api.Assertions.assertThat;

class SignalDetectorTest {
    private final ApiKey revoked = new ApiKey("key_rev", "old-service", "mrk_live_", "R3vK", KeyEnvironment.LIVE,
            List.of("chat:write"), T0.minus(Duration.ofDays(90)), null, null, null, true, T0.minus(Duration.ofDays(2)),
            false, Map.of());
    private final SignalDetector detector = new SignalDetector(new SignalRules(4, 10, Duration.ofMinutes(5)));

    @Test
    void anInvalidKeyWhoseHintMatchesARevokedKeyIsARevokedKeyInUse() {
        List<AuthEvent> events = List.of(
                invalid("a", T0, "R3vK", "10.0.0.1"),
                invalid("b", T0.plusSeconds(600), "R3vK", "10.0.0.1"),
                invalid("c", T0.plusSeconds(900), "nope", "10.0.0.2"));

        List<Signal> signals = detector.detect(events, List.of(revoked));

        assertThat(signals).hasSize(1);
        Signal s = signals.get(0);
        assertThat(s.kind()).isEqualTo(Signal.Kind.REVOKED_KEY_USED);
        assertThat(s.keyId()).as("taken from the key list: the gateway did not match it").isEqualTo("key_rev");
        assertThat(s.keyHint()).isEqualTo("mrk_live_…R3vK");
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.lastAt()).isEqualTo(T0.plusSeconds(900 - 300));
    }

    @Test
    void expiredKeysManyIpsAndBurstsAreFlaggedWithTheirNumbers() {
        List<AuthEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(event("x" + i, T0.plus(Duration.ofHours(i)), 401, "expired_api_key", "mrk_live_", "ExPd",
                    "key_exp", "198.51.100." + i));
        }
        for (int i = 0; i < 12; i++) {
            events.add(invalid("g" + i, T0.plusSeconds(i * 20L), "g" + (1000 + i), "203.0.113.77"));
        }
        for (int i = 0; i < 9; i++) {
            events.add(invalid("slow" + i, T0.plus(Duration.ofMinutes(10L * i)), "s" + (1000 + i), "192.0.2.1"));
        }

        List<Signal> signals = detector.detect(events, List.of());

        assertThat(signals).extracting(Signal::kind).containsExactly(Signal.Kind.EXPIRED_KEY_USED,
                Signal.Kind.KEY_FROM_MANY_IPS, Signal.Kind.INVALID_KEY_BURST);
        assertThat(signals.get(0).keyId()).isEqualTo("key_exp");
        assertThat(signals.get(1).distinct()).isEqualTo(5);
        assertThat(signals.get(2).clientIp()).isEqualTo("203.0.113.77");
        assertThat(signals.get(2).count()).isEqualTo(12);
    }
}
