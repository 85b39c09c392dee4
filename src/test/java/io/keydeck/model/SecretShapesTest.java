package io.keydeck.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretShapesTest {
    private static final String LIVE = "mrk_live_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z";

    @Test
    void redactsEveryKnownShapeAndBearerCredentials() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
        String line = "key=" + LIVE + " other=sk-or-v1-0123456789abcdef0123 tr=tr_test_ZZZZZZZZZZZZZZZZ1234 "
                + "Authorization: Bearer opaque-admin-token-value jwt " + jwt;
        String redacted = SecretShapes.redact(line);
        assertThat(redacted).doesNotContain(LIVE.substring(9), "0123456789abcdef0123", "ZZZZZZZZZZZZZZZZ1234",
                "opaque-admin-token-value", jwt);
        assertThat(redacted).contains("mrk_live_<redacted>", "sk-or-v1-<redacted>", "Bearer <redacted>");
    }

    @Test
    void findsKeysInALogLineAndComputesHintsLocally() {
        var found = SecretShapes.find("2026-11-26 GET /v1 401 auth=" + LIVE + " ip=10.0.0.1");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.prefix()).isEqualTo("mrk_live_");
            assertThat(f.lastFour()).isEqualTo("Xy4z");
            assertThat(f.hint()).isEqualTo("mrk_live_…Xy4z");
        });
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(SecretShapes.redact("revoked key billing-service (mrk_live_…a1b2) request req_123"))
                .isEqualTo("revoked key billing-service (mrk_live_…a1b2) request req_123");
        assertThat(SecretShapes.find("sk-short")).isEmpty();
    }
}
