package io.keydeck.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactorTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "mrk_live_4f8Kq2ZxP0aBcDeFgHiJkLmNoPqRsTuV",
            "mrk_test_4f8Kq2ZxP0aBcDeFgHiJkLmNoPqRsTuV",
            "mrk_admin_4f8Kq2ZxP0aBcDeFgHiJkLmNoPqRsTuV",
            "sk-proj-4f8Kq2ZxP0aBcDeFgHiJkLmNo",
            "sk-ant-admin01-4f8Kq2ZxP0aBcDeFgHiJ",
            "tr_live_4f8Kq2ZxP0aBcDeFgHiJkLmNo",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl"})
    void keyShapedTextIsMasked(String secret) {
        String line = "calling with " + secret + " failed";

        String redacted = SecretRedactor.redact(line);

        assertThat(redacted).doesNotContain("4f8Kq2ZxP0aB").doesNotContain("c2lnbmF0dXJl")
                .startsWith("calling with ").endsWith(" failed").contains(SecretRedactor.MASK);
    }

    @Test
    void bearerValuesAndJsonSecretsAreMasked() {
        assertThat(SecretRedactor.redact("Authorization: Bearer opaque-token-value"))
                .doesNotContain("opaque-token-value");
        assertThat(SecretRedactor.redact("{\"id\":\"key_1\",\"secret\":\"whatever-shape\"}"))
                .isEqualTo("{\"id\":\"key_1\",\"secret\":\"[REDACTED]\"}");
    }

    @Test
    void theKeyKindStaysReadableAndOrdinaryTextIsUntouched() {
        assertThat(SecretRedactor.redact("revoked mrk_live_abcdefghij1234"))
                .isEqualTo("revoked mrk_live_[REDACTED]");
        String ordinary = "GET /v1/api-keys?limit=100 -> 200 (key_1234, mrk_live_…a1b2)";
        assertThat(SecretRedactor.redact(ordinary)).isEqualTo(ordinary);
    }

    @Test
    void shorteningFoldsWhitespaceAndCuts() {
        assertThat(SecretRedactor.redactAndShorten("a\n\n  b " + "c".repeat(50), 10)).isEqualTo("a b ccccc…").hasSize(10);
    }

    @Test
    void masksKeysGluedToAWordByAnUnderscore() {
        String glued = "req_mrk_live_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z and x_sk-proj-0123456789abcdef";
        String redacted = SecretRedactor.redact(glued);
        org.assertj.core.api.Assertions.assertThat(redacted)
                .doesNotContain("Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z", "0123456789abcdef");
    }
}
