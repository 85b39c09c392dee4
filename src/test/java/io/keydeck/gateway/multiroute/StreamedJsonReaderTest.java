package io.keydeck.gateway.multiroute;

import com.fasterxml.jackson.core.JsonParser;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.GatewayJson;
import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.Page;
import io.keydeck.model.UsagePoint;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamedJsonReaderTest {

    private static Page<ApiKey> read(String json) throws Exception {
        try (JsonParser parser = GatewayJson.mapper().createParser(json)) {
            return new StreamedJsonReader().page(parser);
        }
    }

    @Test
    void looseFormsOfBooleansTimesAndScopesAreRead() throws Exception {
        ApiKey key = read("""
                {"data":[{"id":"k1","revoked":"true","disabled":1,"created_at":1735787045,
                          "expires_at":"2026-01-02T03:04:05+02:00","scopes":"chat:write, keys:read"}]}""")
                .items().get(0);

        assertThat(key.revoked()).isTrue();
        assertThat(key.disabled()).isTrue();
        assertThat(key.createdAt()).isEqualTo(Instant.ofEpochSecond(1735787045));
        assertThat(key.expiresAt()).isEqualTo(Instant.parse("2026-01-02T01:04:05Z"));
        assertThat(key.scopes()).containsExactly("chat:write", "keys:read");
    }

    @Test
    void nestedUnknownFieldsAreSkippedWithoutLosingTheFieldsAfterThem() throws Exception {
        ApiKey key = read("""
                {"data":[{"id":"k1","limits":{"rpm":[1,{"x":2}]},"tags":["a"],"team":"infra","rank":3,
                          "name":"after-nested","secret":"mrk_live_notAListedValue"}]}""").items().get(0);

        assertThat(key.name()).isEqualTo("after-nested");
        assertThat(key.attributes()).containsOnlyKeys("team", "rank").containsEntry("rank", "3");
        assertThat(key.toString()).doesNotContain("notAListedValue");
    }

    @Test
    void hasMoreWithoutCursorContinuesAfterTheLastIdAndFalseEndsTheListing() throws Exception {
        assertThat(read("{\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"has_more\":true}").nextCursor()).isEqualTo("b");
        assertThat(read("{\"next_cursor\":\"c\",\"has_more\":false,\"data\":[{\"id\":\"a\"}]}").hasMore()).isFalse();
        assertThat(read("[{\"id\":\"a\"},{\"id\":\"b\"}]").items()).extracting(ApiKey::id).containsExactly("a", "b");
    }

    @Test
    void unreadableAnswersAreProtocolErrorsThatSayWhatIsWrong() {
        assertThatThrownBy(() -> read("{\"data\":[{\"name\":\"no id\"}]}"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GatewayException.Kind.PROTOCOL);
                    assertThat(e.getMessage()).contains("without an id");
                });
        assertThatThrownBy(() -> read("{\"data\":[{\"id\":\"k\",\"expires_at\":\"next tuesday\"}]}"))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.getMessage()).contains("\"expires_at\""));
        assertThatThrownBy(() -> read("{\"keys\":[]}"))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.getMessage()).contains("no \"data\" array"));
    }

    @Test
    void usagePointsAreReadWithNumbersAsTextAndUnknownFieldsSkipped() throws Exception {
        try (JsonParser parser = GatewayJson.mapper().createParser("""
                {"object":"list","data":[
                  {"key_id":"k1","bucket_start":"2026-11-20T00:00:00Z","requests":"7","input_tokens":10,
                   "output_tokens":2.0,"errors":null,"model":{"name":"x"}},
                  {"key_id":"k1","bucket_start":1763596800,"requests":3}]}""")) {
            List<UsagePoint> points = new StreamedJsonReader().usage(parser);

            assertThat(points).extracting(UsagePoint::requests).containsExactly(7L, 3L);
            assertThat(points.get(0).inputTokens()).isEqualTo(10);
            assertThat(points.get(0).outputTokens()).isEqualTo(2);
            assertThat(points.get(0).errors()).isZero();
            assertThat(points.get(1).bucketStart()).isEqualTo(Instant.ofEpochSecond(1763596800));
            assertThat(points.get(0).keyId()).isSameAs(points.get(1).keyId());
        }
        try (JsonParser parser = GatewayJson.mapper().createParser("{\"data\":[{\"key_id\":\"k\"}]}")) {
            assertThatThrownBy(() -> new StreamedJsonReader().usage(parser))
                    .hasMessageContaining("without bucket_start");
        }
    }

    @Test
    void aBucketsCostIsReadWithItsUnitAndAMissingOrOddCostIsNotReportedRatherThanZero() throws Exception {
        try (JsonParser parser = GatewayJson.mapper().createParser("""
                {"data":[
                  {"key_id":"k1","bucket_start":"2026-11-20T00:00:00Z","requests":1,"cost":{"amount":0.012345,"unit":"USD"}},
                  {"key_id":"k1","bucket_start":"2026-11-20T01:00:00Z","requests":1,"cost":{"amount":"3","unit":"credits"}},
                  {"key_id":"k1","bucket_start":"2026-11-20T02:00:00Z","requests":1},
                  {"key_id":"k1","bucket_start":"2026-11-20T03:00:00Z","requests":1,"cost":[1,2]},
                  {"key_id":"k1","bucket_start":"2026-11-20T04:00:00Z","requests":1,"cost":{"amount":-1}},
                  {"key_id":"k1","bucket_start":"2026-11-20T05:00:00Z","requests":9,"cost":null}]}""")) {
            List<UsagePoint> points = new StreamedJsonReader().usage(parser);

            assertThat(points.get(0).cost()).isEqualTo(new Amount(new java.math.BigDecimal("0.012345"), "USD"));
            assertThat(points.get(1).cost()).isEqualTo(new Amount(java.math.BigDecimal.valueOf(3), Amount.CREDITS));
            assertThat(points.subList(2, 6)).allSatisfy(p -> assertThat(p.cost()).isNull());
            assertThat(points.get(5).requests()).isEqualTo(9);
        }
    }
}
