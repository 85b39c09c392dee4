package io.keydeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeyListingPagesThroughEveryKeyTest {
    private static SandboxGateway sandbox;
    private static SandboxCalls calls;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withKeys(1050).withAuthEvents(0));
        calls = new SandboxCalls(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static JsonNode page(int limit, String cursor, boolean includeRevoked) {
        String path = "/v1/api-keys?limit=" + limit + (includeRevoked ? "&include_revoked=true" : "")
                + (cursor == null ? "" : "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        SandboxCalls.Answer answer = calls.get(path, sandbox.adminToken());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    /** Every key id over all pages, checking newest-first order within the whole walk. */
    private static List<String> walk(int limit, boolean includeRevoked, Runnable afterFirstPage) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        Instant previous = Instant.MAX;
        int pages = 0;
        do {
            JsonNode page = page(limit, cursor, includeRevoked);
            for (JsonNode key : page.path("data")) {
                ids.add(key.path("id").asText());
                Instant created = Instant.parse(key.path("created_at").asText());
                assertThat(created).isBeforeOrEqualTo(previous);
                previous = created;
                assertThat(key.has("secret")).isFalse();
                if (!includeRevoked) {
                    assertThat(key.path("revoked").asBoolean()).isFalse();
                }
            }
            assertThat(page.path("has_more").asBoolean()).isEqualTo(!page.path("next_cursor").isNull());
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
            if (pages++ == 0 && afterFirstPage != null) {
                afterFirstPage.run();
            }
        } while (cursor != null);
        return ids;
    }

    @Test
    void everyKeyAppearsExactlyOnceAcrossPages() {
        List<String> ids = walk(100, true, null);
        assertThat(ids).hasSize(sandbox.keyCount()).doesNotHaveDuplicates();
        assertThat(ids.size()).isGreaterThanOrEqualTo(1050);
    }

    @Test
    void keysCreatedWhileListingDoNotShiftLaterPages() {
        Set<String> before = new HashSet<>(walk(1000, true, null));
        List<String> created = new ArrayList<>();
        List<String> ids = walk(97, true, () -> {
            for (int i = 0; i < 3; i++) {
                SandboxCalls.Answer a = calls.post("/v1/api-keys", sandbox.adminToken(),
                        "{\"name\":\"mid-listing-" + i + "\",\"scopes\":[\"chat:write\"]}");
                created.add(a.json().path("id").asText());
            }
        });
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).containsAll(before);
        assertThat(ids).doesNotContainAnyElementsOf(created);
        assertThat(walk(1000, true, null)).startsWith(created.get(2), created.get(1), created.get(0));
    }

    @Test
    void revokedKeysAreListedOnlyWhenAskedFor() {
        List<String> all = walk(1000, true, null);
        List<String> active = walk(1000, false, null);
        assertThat(active.size()).isLessThan(all.size());
        assertThat(all).containsAll(active);
    }

    @Test
    void noListingOrReadEverShowsASecret() {
        IssuedKey issued = sandbox.issueInferenceKey("secret-holder");
        SandboxCalls.Answer created = calls.post("/v1/api-keys", sandbox.adminToken(), "{\"name\":\"fresh\"}");
        String secret = created.json().path("secret").asText();
        assertThat(secret).matches("mrk_live_[0-9A-Za-z]{32}");
        for (String path : List.of("/v1/api-keys?limit=1000&include_revoked=true", "/v1/api-keys/" + issued.id(),
                "/v1/api-keys/" + created.json().path("id").asText(), "/v1/auth-events?limit=1000")) {
            String body = calls.get(path, sandbox.adminToken()).text();
            assertThat(body).doesNotContain(secret).doesNotContain(issued.secret()).doesNotContain("\"secret\"");
        }
        JsonNode read = calls.get("/v1/api-keys/" + issued.id(), sandbox.adminToken()).json();
        assertThat(read.path("prefix").asText()).isEqualTo("mrk_live_");
        assertThat(read.path("last_four").asText()).isEqualTo(issued.secret().substring(issued.secret().length() - 4));
    }
}
