package io.keydeck.authlog;

import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.keydeck.authlog.TestEvents.T0;
import static io.keydeck.authlog.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

class AuthEventFilterTest {
    private final AuthEvent expired = event("e1", T0, 401, "expired_api_key", "mrk_live_", "AbCd", "key_1", "10.0.0.1");
    private final AuthEvent forbidden = event("e2", T0.minusSeconds(60), 403, "insufficient_permissions",
            "mrk_test_", "ZzZz", "key_2", "192.168.7.20");
    private final AuthEvent missing = event("e3", T0.minus(Duration.ofHours(3)), 401, "missing_api_key", null, null,
            null, "10.0.0.99");
    private final List<AuthEvent> all = List.of(expired, forbidden, missing);

    @Test
    void eachFieldNarrowsTheEvents() {
        AuthEventFilter none = AuthEventFilter.NONE;
        assertThat(none.apply(all)).containsExactly(expired, forbidden, missing);
        assertThat(none.withStatus(403).apply(all)).containsExactly(forbidden);
        assertThat(none.withCode("missing_api_key").apply(all)).containsExactly(missing);
        assertThat(none.withKey("abcd").apply(all)).as("hint, case-insensitive").containsExactly(expired);
        assertThat(none.withKey("key_2").apply(all)).as("key id").containsExactly(forbidden);
        assertThat(none.withIp("10.0.0").apply(all)).containsExactly(expired, missing);
        assertThat(none.withIp("0.0.9").apply(all)).as("part of an address").containsExactly(missing);
        assertThat(none.withIp("10.0.0.1").apply(all)).as("a whole address matches only itself")
                .containsExactly(expired);
        assertThat(none.withText("PERMISSIONS").apply(all)).containsExactly(forbidden);
        assertThat(none.withText("req_e3").apply(all)).containsExactly(missing);
        assertThat(none.withTime(T0.minus(Duration.ofHours(1)), T0).apply(all)).as("until is exclusive")
                .containsExactly(forbidden);
    }

    @Test
    void onlyTimeStatusAndCodeGoToTheGateway() {
        AuthEventFilter filter = new AuthEventFilter(T0, null, 401, "invalid_api_key", "abcd", "10.", "x");
        AuthEventQuery query = filter.toQuery(250);
        assertThat(query).isEqualTo(new AuthEventQuery(T0, null, 401, "invalid_api_key", 250, null));
        assertThat(filter.sameServerPart(filter.withKey("other").withText("y"))).isTrue();
        assertThat(filter.sameServerPart(filter.withCode("expired_api_key"))).isFalse();
    }
}
