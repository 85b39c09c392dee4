package io.keydeck.gateway.openai;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.PartialAnswer;
import io.keydeck.gateway.fixture.PrismMock;
import io.keydeck.gateway.fixture.PrismServers;
import io.keydeck.gateway.fixture.RecordingSleeper;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyOwner;
import io.keydeck.model.KeyStatus;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.OwnerKind;
import io.keydeck.model.Page;
import io.keydeck.model.SpendPeriod;
import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsageQuery;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The OpenAI driver against OpenAI's own OpenAPI file (the subset in {@code openapi/openai-admin.yaml},
 * cut from openai/openai-openapi) served by Prism, which fails every request that breaks the file: once
 * answering from the file's examples, and three rounds answering random schema-valid data. The project key
 * listing's {@code owner_project_access=any}, the costs report grouped by {@code api_key_id} it reads first, the
 * costs report over a usage query's days (one key's and all keys', with {@code end_time}) that prices daily usage
 * buckets, the embeddings report usage reads after the completions one (in the dynamic rounds), and
 * the owners read from the examples (admin key owned by a service account, project key by a user of a named
 * project) are checked here too.
 */
class OpenAiDriverAgainstPrismTest {
    private static final String SPEC = "/openapi/openai-admin.yaml";
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    @RegisterExtension
    static final PrismServers PRISM = new PrismServers(SPEC);

    private static OpenAiClient client(PrismMock prism) throws GatewayException {
        return new OpenAiDriver(new RecordingSleeper().options(), Clock.fixed(NOW, ZoneOffset.UTC))
                .connect(new GatewayTarget(prism.baseUrl(), AdminToken.of("sk-admin-prism0000000000000")));
    }

    /**
     * Every call the driver makes, each validated by Prism; a 422 from it fails here with Prism's reason. A costs
     * query Prism refused would not fail the call (the driver degrades to "spend unknown"), so every partial answer
     * the driver reports is checked too: none may say the costs report was refused.
     */
    private static void everyOperation(PrismMock prism, OpenAiClient client, boolean fromExamples) {
        List<PartialAnswer> heard = new CopyOnWriteArrayList<>();
        client.reportPartialAnswersTo(heard::add);
        try {
            String cursor = null;
            int pages = 0;
            do {
                Page<ApiKey> page = client.listKeys(cursor, 100, false);
                // the driver lists keys without spend when OpenAI refuses the costs report; Prism must not have
                assertThat(page.items()).allSatisfy(k -> assertThat(k.account().spend(SpendPeriod.MONTH))
                        .as("spend of %s: the costs report was read", k.id()).isPresent());
                cursor = page.nextCursor();
            } while (cursor != null && ++pages < 6);
            try (IssuedSecret issued = client.createKey(new NewKeyRequest("ci admin", List.of(), null,
                    NOW.plus(Duration.ofDays(30))), null)) {
                assertThat(issued.secret()).isNotEmpty();
                if (fromExamples) {
                    assertThat(new String(issued.secret())).isEqualTo("sk-admin-1234abcd");
                    assertThat(issued.key().id()).isEqualTo("key_xyz");
                }
            }
            client.revokeKey("key_abc");
            client.revokeKey("proj_abc/key_abc");
            usage(client, new UsageQuery(NOW.minus(Duration.ofDays(2)), NOW, UsageBucket.DAY, "proj_abc/key_abc"),
                    fromExamples);
            // daily usage with its cost: the costs report over the same days, for one key and for all
            usage(client, new UsageQuery(NOW.minus(Duration.ofDays(2)), NOW, UsageBucket.DAY, "proj_abc/key_abc")
                    .withCost(), fromExamples);
            usage(client, new UsageQuery(NOW.minus(Duration.ofDays(30)), NOW, UsageBucket.DAY, null).withCost(),
                    fromExamples);
            usage(client, new UsageQuery(NOW.minus(Duration.ofHours(5)), NOW, UsageBucket.HOUR, null), fromExamples);
            client.authEvents(new AuthEventQuery(NOW.minus(Duration.ofDays(7)), NOW, null, null, 50, null));
            client.tokenInfo();
            assertThat(heard).as("the listing and the priced usage each read the costs report").hasSizeGreaterThan(2)
                    .allSatisfy(a -> assertThat(a.problem()).as("Prism refused a costs query").isNull());
        } catch (GatewayException e) {
            fail("OpenAI's reference refused or could not be read: " + e.getMessage() + "\nPrism said:\n"
                    + prism.log().lines().filter(l -> l.contains("rror") || l.contains("✖")).toList());
        }
    }

    /**
     * The documented usage example says {@code has_more: true} with a {@code next_page}; answering from
     * examples, Prism repeats that page for the next one, which the driver must stop at, not loop on.
     */
    private static void usage(OpenAiClient client, UsageQuery query, boolean fromExamples) throws GatewayException {
        if (!fromExamples) {
            client.usage(query);
            return;
        }
        try {
            client.usage(query);
            fail("the documented usage example pages on; a repeated page must be refused");
        } catch (GatewayException e) {
            assertThat(e.getMessage()).isEqualTo("OpenAI sent the same usage page twice.");
        }
    }

    @Test
    void everyCallIsValidAgainstTheReferenceAndItsExamplesReadRight() throws Exception {
        try (OpenAiClient client = client(PRISM.examples())) {
            everyOperation(PRISM.examples(), client, true);

            ApiKey admin = client.listKeys(null, 100, false).items().get(0);
            assertThat(admin.id()).isEqualTo("key_abc");
            assertThat(admin.expiresAt()).isEqualTo(Instant.ofEpochSecond(1714063533));
            assertThat(admin.status(NOW)).isEqualTo(KeyStatus.EXPIRED);

            List<ApiKey> all = client.listAllKeys(false, n -> { });
            assertThat(all).extracting(ApiKey::id).containsExactly("key_abc", "proj_abc/key_abc");
            assertThat(all).extracting(k -> k.account().ownerText()).containsExactly(
                    "service account My Service Account", "user user@example.com, project Project example");
            assertThat(all.get(1).account().owners()).containsExactly(
                    new KeyOwner(OwnerKind.USER, "user_abc", "user@example.com", true),
                    new KeyOwner(OwnerKind.PROJECT, "proj_abc", "Project example"));
            // the documented costs example names no key, so each key is known to have cost nothing
            assertThat(all).extracting(k -> k.account().spendText()).containsOnly("$0.00 this month");
        }
    }

    @RepeatedTest(3)
    void everyCallIsValidAndEveryRandomSchemaValidAnswerIsRead(RepetitionInfo round) throws Exception {
        try (OpenAiClient client = client(PRISM.dynamic())) {
            everyOperation(PRISM.dynamic(), client, false);
        }
    }

    /**
     * Proof that Prism checks the query the key listing now sends: an {@code owner_project_access} value OpenAI's
     * file does not list is refused, so the driver's {@code any} passing above is the file's verdict.
     */
    @Test
    void prismRefusesAnOwnerAccessFilterTheReferenceDoesNotList() throws Exception {
        assertRefusedNaming("/v1/organization/projects/proj_abc/api_keys?limit=100&owner_project_access=everyone",
                "owner_project_access");
    }

    /**
     * Proof that the file allows one-day cost buckets only: an hourly costs query is refused, which is why the driver
     * prices daily usage buckets and leaves hourly ones without cost rather than asking.
     */
    @Test
    void prismRefusesHourlyCostBucketsTheReferenceDoesNotOffer() throws Exception {
        assertRefusedNaming("/v1/organization/costs?start_time=1730419200&end_time=1730592000&bucket_width=1h"
                + "&group_by=api_key_id", "bucket_width");
    }

    /** Proof that Prism checks the costs query too: a grouping OpenAI's file does not list is refused. */
    @Test
    void prismRefusesACostsGroupingTheReferenceDoesNotList() throws Exception {
        assertRefusedNaming("/v1/organization/costs?start_time=1730419200&bucket_width=1d&group_by=model", "group_by");
    }

    /** Prism answers {@code pathAndQuery} with 422, naming {@code parameter} as what breaks OpenAI's file. */
    private static void assertRefusedNaming(String pathAndQuery, String parameter) throws Exception {
        HttpResponse<String> answer = get(pathAndQuery);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains(parameter);
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(PRISM.examples().baseUrl().resolve(pathAndQuery))
                .header("Authorization", "Bearer sk-admin-prism").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Proof that Prism does validate: a body OpenAI's file forbids is refused with 422. */
    @Test
    void prismRefusesARequestThatBreaksTheReference() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        PRISM.examples().baseUrl().resolve("/v1/organization/admin_api_keys"))
                .header("Authorization", "Bearer sk-admin-prism").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"k\",\"expires_in_seconds\":31536001}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("expires_in_seconds");
    }
}
