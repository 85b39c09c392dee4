package io.keydeck.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.keydeck.vault.AdminTokenClaims.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdminTokenClaimsTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static char[] jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        return (header + "." + payload + ".c2lnbmF0dXJl").toCharArray();
    }

    @Test
    void readsSubjectSpaceSeparatedScopesAndExpiry() {
        long exp = NOW.plus(Duration.ofDays(3)).getEpochSecond();
        AdminTokenClaims claims = AdminTokenClaims.inspect(
                jwt("{\"sub\":\"ops-bot\",\"scope\":\"keys:read usage:read\",\"exp\":" + exp + "}"));

        assertThat(claims.kind()).isEqualTo(Kind.JWT);
        assertThat(claims.subject()).hasValue("ops-bot");
        assertThat(claims.scopes()).containsExactly("keys:read", "usage:read");
        assertThat(claims.expiresAt()).hasValue(Instant.ofEpochSecond(exp));
        assertThat(claims.lacks("keys:manage")).isTrue();
        assertThat(claims.lacks("keys:read")).isFalse();
        assertThat(claims.isExpired(NOW)).isFalse();
        assertThat(claims.expiresWithin(Duration.ofDays(7), NOW)).isTrue();
        assertThat(claims.expiresWithin(Duration.ofDays(1), NOW)).isFalse();
        assertThat(claims.toTokenInfo()).hasValueSatisfying(info -> {
            assertThat(info.subject()).isEqualTo("ops-bot");
            assertThat(info.scopes()).containsExactly("keys:read", "usage:read");
        });
    }

    @Test
    void acceptsScopesAsAnArrayOrUnderScopes() {
        assertThat(AdminTokenClaims.inspect(jwt("{\"scope\":[\"keys:manage\",\"audit:read\"]}")).scopes())
                .containsExactly("keys:manage", "audit:read");
        AdminTokenClaims plural = AdminTokenClaims.inspect(jwt("{\"scopes\":[\"keys:manage\"]}"));
        assertThat(plural.scopes()).containsExactly("keys:manage");
        assertThat(plural.lacks("keys:manage")).isFalse();
    }

    @Test
    void anExpiredTokenIsExpiredAndNotMerelyExpiringSoon() {
        AdminTokenClaims claims = AdminTokenClaims.inspect(jwt("{\"exp\":" + NOW.minusSeconds(60).getEpochSecond() + "}"));

        assertThat(claims.isExpired(NOW)).isTrue();
        assertThat(claims.expiresWithin(Duration.ofDays(7), NOW)).isFalse();
    }

    @Test
    void aJwtWithoutScopesOrExpiryClaimsNothingItDoesNotKnow() {
        AdminTokenClaims claims = AdminTokenClaims.inspect(jwt("{\"sub\":\"x\"}"));

        assertThat(claims.kind()).isEqualTo(Kind.JWT);
        assertThat(claims.lacks("keys:manage")).isFalse();
        assertThat(claims.isExpired(NOW)).isFalse();
        assertThat(claims.expiresWithin(Duration.ofDays(3650), NOW)).isFalse();
    }

    @Test
    void anOpaqueAdminKeyRevealsNothing() {
        AdminTokenClaims claims = AdminTokenClaims.inspect("mrk_admin_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c".toCharArray());

        assertThat(claims.kind()).isEqualTo(Kind.OPAQUE);
        assertThat(claims.scopes()).isEmpty();
        assertThat(claims.lacks("keys:manage")).isFalse();
        assertThat(claims.toTokenInfo()).isEmpty();
    }

    @Test
    void aJwtWithABrokenPayloadIsReportedWithoutQuotingIt() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String token = header + ".not-json-SECRETPART.sig";

        AdminTokenClaims claims = AdminTokenClaims.inspect(token.toCharArray());

        assertThat(claims.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(claims.problem()).hasValueSatisfying(p -> assertThat(p).contains("payload").doesNotContain("SECRETPART"));
        assertThat(claims.toString()).doesNotContain("SECRETPART");
    }

    @Test
    void aNonNumericExpiryIsAProblem() {
        AdminTokenClaims claims = AdminTokenClaims.inspect(jwt("{\"exp\":\"tomorrow\"}"));

        assertThat(claims.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(claims.problem()).hasValueSatisfying(p -> assertThat(p).contains("exp"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ".", "..", "a.b.c", "eyJ.eyJ.x", "eyJhbGciOiJIUzI1NiJ9..", "%%%.%%%.%%%", "\u0000\u0001"})
    void garbageGivesAPlainResultNeverAnException(String input) {
        AdminTokenClaims claims = AdminTokenClaims.inspect(input.toCharArray());

        assertThat(claims.kind()).isIn(Kind.OPAQUE, Kind.MALFORMED);
        if (input.trim().length() > 3) {
            assertThat(claims.toString()).doesNotContain(input);
        }
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            char[] token = new char[random.nextInt(120)];
            for (int j = 0; j < token.length; j++) {
                token[j] = (char) (random.nextBoolean() ? ".-_eyJ0123456789abcXYZ=".charAt(random.nextInt(23)) : random.nextInt(0xFFFF));
            }
            assertThat(AdminTokenClaims.inspect(token).kind()).isIn(List.of(Kind.values()).toArray(Kind[]::new));
        }
    }
}
