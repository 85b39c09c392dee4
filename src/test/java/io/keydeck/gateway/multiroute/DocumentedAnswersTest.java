package io.keydeck.gateway.multiroute;

import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** MultiRoute's documented answers lack environment (list) and prefix/last four (create); KeyDeck fills them in. */
class DocumentedAnswersTest {
    @Test
    void theEnvironmentComesFromTheKeyPrefixWhenTheAnswerHasNone() {
        assertThat(KeyEnvironment.fromKeyPrefix("mrk_live_")).isEqualTo(KeyEnvironment.LIVE);
        assertThat(KeyEnvironment.fromKeyPrefix("tr_test_")).isEqualTo(KeyEnvironment.TEST);
        assertThat(KeyEnvironment.fromKeyPrefix("sk-or-v1-0e6")).isEqualTo(KeyEnvironment.NONE);
        assertThat(KeyEnvironment.fromKeyPrefix("sk-test")).as("random characters at the end never count")
                .isEqualTo(KeyEnvironment.NONE);
        ApiKey listed = new ApiKey("k1", "n", "mrk_test_", "ab12", null, null, null, null, null, null, false, null,
                false, null);
        assertThat(listed.environment()).isEqualTo(KeyEnvironment.TEST);
    }

    @Test
    void aCreateAnswerWithoutPrefixOrLastFourIsNamedFromTheSecret() {
        ApiKey bare = new ApiKey("k1", "ci", null, null, null, null, null, null, null, null, false, null, false, null);

        ApiKey named = MultiRouteClient.withHintFromSecret(bare, "mrk_live_0123456789abcdefghijWXYZ".toCharArray());

        assertThat(named.hint()).isEqualTo("mrk_live_…WXYZ");
        assertThat(named.environment()).isEqualTo(KeyEnvironment.LIVE);
    }
}
