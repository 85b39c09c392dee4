package io.keydeck.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminCredentialsTest {
    private final AdminCredentials credentials = new AdminCredentials(Clock.systemUTC());

    @Test
    void scopeClaimMayBeAStringOrAnArray() {
        ObjectNode asArray = ApiExchange.JSON.createObjectNode().put("sub", "array-user");
        asArray.putArray("scope").add("keys:read").add("audit:read");
        assertThat(credentials.authenticate(credentials.sign(asArray)).scopes()).containsExactly("keys:read", "audit:read");

        String asString = credentials.mint("string-user", List.of("usage:read", "keys:manage"), Duration.ofMinutes(1));
        AdminCredentials.Principal p = credentials.authenticate(asString);
        assertThat(p.subject()).isEqualTo("string-user");
        assertThat(p.scopes()).containsExactly("usage:read", "keys:manage");
    }

    @Test
    void tamperedTokensAreRejected() {
        String jwt = credentials.mint("ops", List.of("keys:read"), Duration.ofMinutes(1));
        String[] parts = jwt.split("\\.");
        String widened = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"ops\",\"scope\":\"keys:manage\"}".getBytes()) + "." + parts[2];
        assertThatThrownBy(() -> credentials.authenticate(widened)).isInstanceOf(ApiError.class)
                .extracting(e -> ((ApiError) e).code()).isEqualTo("invalid_api_key");
        assertThatThrownBy(() -> credentials.authenticate(credentials.opaqueToken() + "x"))
                .extracting(e -> ((ApiError) e).code()).isEqualTo("invalid_api_key");
        assertThat(credentials.authenticate(credentials.opaqueToken()).scopes()).containsAll(AdminCredentials.ADMIN_SCOPES);
    }
}
