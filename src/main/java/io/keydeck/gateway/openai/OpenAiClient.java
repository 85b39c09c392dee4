package io.keydeck.gateway.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.PartialAnswer;
import io.keydeck.gateway.http.BucketedUsagePages;
import io.keydeck.gateway.http.GatewayHttp;
import io.keydeck.gateway.http.HttpGatewayClient;
import io.keydeck.gateway.http.GatewayJson;
import io.keydeck.gateway.http.GatewayResponse;
import io.keydeck.gateway.http.IssuedAnyway;
import io.keydeck.gateway.http.JsonFields;
import io.keydeck.gateway.http.ListedNames;
import io.keydeck.gateway.http.SecretFieldReader;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.Capability;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.Page;
import io.keydeck.model.RevokeResult;
import io.keydeck.model.TokenInfo;
import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsagePoint;
import io.keydeck.model.UsageQuery;
import io.keydeck.model.UsageSeries;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenAI's Admin API over the shared {@link GatewayHttp}. The key list walks the admin keys first,
 * then each project's keys; its cursor says where: {@code admin:<after>} or
 * {@code project:<project id>:<after>}. Keys carry their owner and project as {@link io.keydeck.model.KeyOwner}s
 * and what they cost this month ({@link OpenAiCosts}), both read once at the start of each listing.
 */
public final class OpenAiClient extends HttpGatewayClient {
    private static final String ADMIN_KEYS = "/v1/organization/admin_api_keys";
    private static final String PROJECTS = "/v1/organization/projects";

    /** Plain key id to KeyDeck id, so usage of a project key lands on the listed key. */
    private final Map<String, String> listedIds = new ConcurrentHashMap<>();
    /** Project id to name, in OpenAI's order, read once per listing. */
    private volatile Map<String, String> projects;
    private volatile OpenAiCosts costs = OpenAiCosts.UNKNOWN;
    private final Clock clock;

    OpenAiClient(GatewayDriver driver, GatewayHttp http, Clock clock) {
        super(driver, http);
        this.clock = clock;
    }


    /** OpenAI deletes keys outright, so {@code includeRevoked} changes nothing. */
    @Override
    public Page<ApiKey> listKeys(String cursor, int limit, boolean includeRevoked) throws GatewayException {
        int size = Math.min(Math.max(limit, 1), 100);
        if (cursor == null || cursor.startsWith("admin:")) {
            if (cursor == null) {
                projects = null;
                costs = readCosts();
            }
            String after = cursor == null ? null : emptyToNull(cursor.substring("admin:".length()));
            Listing listing = list(ADMIN_KEYS, size, after, Map.of(),
                    (node, rid) -> OpenAiJson.adminKey(node, costs, rid));
            return new Page<>(listing.keys(), listing.next() != null ? "admin:" + listing.next() : nextProject(null));
        }
        if (!cursor.startsWith("project:") || cursor.indexOf(':', 8) < 0) {
            throw new GatewayException(GatewayException.Kind.INVALID_REQUEST, 0, "bad_cursor",
                    "\"" + cursor + "\" is not an OpenAI key-list cursor.", null);
        }
        int colon = cursor.indexOf(':', 8);
        String projectId = cursor.substring(8, colon);
        String after = emptyToNull(cursor.substring(colon + 1));
        String projectName = projects().get(projectId);
        Listing listing = list(PROJECTS + "/" + GatewayHttp.segment(projectId) + "/api_keys", size, after,
                PROJECT_KEYS_OF_EVERY_OWNER,
                (node, rid) -> OpenAiJson.projectKey(projectId, projectName, costs, node, rid));
        return new Page<>(listing.keys(), listing.next() != null ? "project:" + projectId + ":" + listing.next()
                : nextProject(projectId));
    }

    @FunctionalInterface
    private interface KeyMapper {
        ApiKey map(JsonNode node, String requestId) throws GatewayException;
    }

    private record Listing(List<ApiKey> keys, String next) {
    }

    /**
     * Without {@code owner_project_access=any} OpenAI leaves out keys whose owner has lost access to the
     * project, which are the keys an owner who left still holds; with it every enabled key is listed and says
     * in {@code owner_project_access} whether its owner still has access.
     */
    private static final Map<String, Object> PROJECT_KEYS_OF_EVERY_OWNER = Map.of("owner_project_access", "any");

    private Listing list(String path, int size, String after, Map<String, Object> filter, KeyMapper mapper)
            throws GatewayException {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", size);
        query.put("after", after);
        query.putAll(filter);
        GatewayResponse<JsonNode> response = http.get(path, query);
        JsonNode data = response.body().path("data");
        if (!data.isArray()) {
            throw JsonFields.unexpected("OpenAI's list at " + path + " has no \"data\" array.", response.requestId());
        }
        List<ApiKey> keys = new ArrayList<>();
        String lastId = null;
        for (JsonNode item : data) {
            ApiKey key = mapper.map(item, response.requestId());
            keys.add(key);
            lastId = JsonFields.text(item, "id");
            listedIds.put(lastId, key.id());
        }
        return new Listing(keys, nextAfter(response.body(), lastId));
    }

    private static String nextAfter(JsonNode root, String lastId) {
        if (!root.path("has_more").asBoolean(false)) {
            return null;
        }
        return Optional.ofNullable(JsonFields.text(root, "last_id")).orElse(lastId);
    }

    /** The cursor of the project after {@code projectId} (the first when null), or null after the last. */
    private String nextProject(String projectId) throws GatewayException {
        List<String> all = List.copyOf(projects().keySet());
        int index = projectId == null ? 0 : all.indexOf(projectId) + 1;
        boolean unknownProject = projectId != null && index == 0;
        return !unknownProject && index < all.size() ? "project:" + all.get(index) + ":" : null;
    }

    /** Every active project's id and name, fetched once per listing under a {@link io.keydeck.gateway.PagingGuard}. */
    private Map<String, String> projects() throws GatewayException {
        Map<String, String> known = projects;
        if (known != null) {
            return known;
        }
        projects = ListedNames.read("OpenAI projects", 100, limits(), after -> {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("limit", 100);
            query.put("after", after);
            return http.get(PROJECTS, query);
        }, project -> JsonFields.text(project, "name"));
        return projects;
    }

    /**
     * The costs of every key, or {@link OpenAiCosts#UNKNOWN} when OpenAI refuses the report (an Admin key without
     * the usage permission, a report it does not offer) or answers it with an error or garbage: the keys are still
     * listed, their spend left unknown, and the listener hears why ({@link PartialAnswer#SPEND}).
     */
    private OpenAiCosts readCosts() throws GatewayException {
        try {
            OpenAiCosts read = OpenAiCosts.read(http, limits(), clock);
            partialAnswer(PartialAnswer.complete(PartialAnswer.SPEND));
            return read;
        } catch (GatewayException e) {
            partialAnswer(PartialAnswer.missing(PartialAnswer.SPEND, OpenAiCosts.unreadable(e)));
            return OpenAiCosts.UNKNOWN;
        }
    }

    /** The longest expiry OpenAI accepts for an Admin key: {@code expires_in_seconds} ≤ 365 days. */
    static final long MAX_EXPIRES_IN_SECONDS = 31_536_000;

    /**
     * Creates an organization Admin key ({@code POST /v1/organization/admin_api_keys}); see
     * {@link OpenAiDriver#CREATE_NOTE}. An expiry is sent as {@code expires_in_seconds} (1 s to 365 days
     * from now, rounded up to a whole second); scopes do not exist for admin keys, so asking for any is
     * refused rather than silently dropped. Sent once, never retried.
     */
    @Override
    public IssuedSecret createKey(NewKeyRequest request, String idempotencyKey) throws GatewayException {
        if (!request.scopes().isEmpty()) {
            throw GatewayException.unsupported("OpenAI Admin keys cannot be given scopes through the API; "
                    + "create the key without them. " + OpenAiDriver.CREATE_NOTE);
        }
        ObjectNode body = GatewayJson.mapper().createObjectNode();
        body.put("name", request.name());
        if (request.expiresAt() != null) {
            body.put("expires_in_seconds", expiresInSeconds(request.expiresAt()));
        }
        GatewayResponse<SecretFieldReader.Created> response = http.post(ADMIN_KEYS, body, null,
                new SecretFieldReader("value"));
        SecretFieldReader.Created created = response.body();
        if (created.secret() == null || created.secret().length == 0) {
            throw JsonFields.unexpected("OpenAI created the key but sent no \"value\" with its secret.",
                    response.requestId());
        }
        return IssuedAnyway.issue(created.rest(), created.secret(),
                node -> OpenAiJson.adminKey(node, OpenAiCosts.UNKNOWN, response.requestId()),
                List.of("id", "name", "redacted_value"));
    }

    private long expiresInSeconds(Instant expiresAt) throws GatewayException {
        Duration left = Duration.between(clock.instant(), expiresAt);
        long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        if (seconds < 1 || seconds > MAX_EXPIRES_IN_SECONDS) {
            throw new GatewayException(GatewayException.Kind.INVALID_REQUEST, 0, "expiry_out_of_range",
                    "OpenAI Admin keys can expire between 1 second and 365 days (31,536,000 seconds) after they are "
                            + "created; the requested expiry is " + (seconds < 1 ? "not in the future."
                            : seconds + " seconds away."), null);
        }
        return seconds;
    }

    @Override
    public ApiKey updateKey(String keyId, KeyUpdate update) throws GatewayException {
        refuseWhatTheDriverCannotEdit(update);
        Capability missing = update.name() != null ? Capability.RENAME_KEY : Capability.DISABLE_KEY;
        throw GatewayException.unsupported(driver.unsupportedReason(missing));
    }

    /** Deletes a project key ({@code <project>/<key>}) or an admin key. */
    @Override
    public RevokeResult revokeKey(String keyId) throws GatewayException {
        int slash = keyId.indexOf('/');
        String path = slash < 0 ? ADMIN_KEYS + "/" + GatewayHttp.segment(keyId)
                : PROJECTS + "/" + GatewayHttp.segment(keyId.substring(0, slash)) + "/api_keys/"
                + GatewayHttp.segment(keyId.substring(slash + 1));
        GatewayResponse<JsonNode> response = http.delete(path);
        return new RevokeResult(keyId, response.body().path("deleted").asBoolean(true), response.requestId());
    }

    /** The usage reports that count tokens per key; images, audio and moderations are counted in other units. */
    static final List<String> TOKEN_REPORTS = List.of("/v1/organization/usage/completions",
            "/v1/organization/usage/embeddings");

    /**
     * Requests and tokens per key: the completions and the embeddings reports grouped by {@code api_key_id}, each
     * followed through {@code next_page}, added up per key and bucket. Asked with {@link UsageQuery#cost()}, daily
     * buckets get their cost from the costs report ({@link OpenAiBucketCosts}; read first, so a costs report that
     * fails leaves the traffic shown, with a note); hourly buckets get the note that OpenAI prices whole days only.
     */
    @Override
    public UsageSeries usage(UsageQuery query) throws GatewayException {
        OpenAiBucketCosts costs = query.cost() ? bucketCosts(query) : null;
        Map<String, UsagePoint> byKeyAndBucket = new LinkedHashMap<>();
        for (String report : TOKEN_REPORTS) {
            for (UsagePoint point : usage(report, query).points()) {
                byKeyAndBucket.merge(point.keyId() + "@" + point.bucketStart(), point, OpenAiClient::plus);
            }
        }
        List<UsagePoint> points = List.copyOf(byKeyAndBucket.values());
        return costs == null ? new UsageSeries(query, points) : costs.price(query, points);
    }

    private static UsagePoint plus(UsagePoint a, UsagePoint b) {
        return new UsagePoint(a.keyId(), a.bucketStart(), a.requests() + b.requests(),
                a.inputTokens() + b.inputTokens(), a.outputTokens() + b.outputTokens(), a.errors() + b.errors());
    }

    private OpenAiBucketCosts bucketCosts(UsageQuery query) throws GatewayException {
        if (query.bucket() != UsageBucket.DAY) {
            return OpenAiBucketCosts.none(OpenAiBucketCosts.HOURLY_NOTE);
        }
        if (query.start().getEpochSecond() % 86_400 != 0) {
            return OpenAiBucketCosts.none(OpenAiBucketCosts.UNALIGNED_NOTE);
        }
        try {
            OpenAiBucketCosts costs = OpenAiBucketCosts.of(OpenAiCosts.entries(http, limits(), query.start(),
                    query.end(), plainKeyId(query), OpenAiBucketCosts.days(query)), plain -> listedId(plain, query));
            partialAnswer(PartialAnswer.complete(PartialAnswer.SPEND));
            return costs;
        } catch (GatewayException e) {
            String problem = OpenAiCosts.unreadable(e);
            partialAnswer(PartialAnswer.missing(PartialAnswer.SPEND, problem));
            return OpenAiBucketCosts.none(problem);
        }
    }

    /**
     * The key OpenAI knows as {@code plain}, as the key list named it (a project key's {@code project/key}), or as the
     * query named it when it asked for that key; any other key keeps OpenAI's id.
     */
    private String listedId(String plain, UsageQuery query) {
        return listedIds.getOrDefault(plain, plain.equals(plainKeyId(query)) ? query.keyId() : plain);
    }

    /** The usage query's key as OpenAI's reports filter by it: without the project part; null for every key. */
    private static String plainKeyId(UsageQuery query) {
        return query.keyId() == null ? null : query.keyId().substring(query.keyId().indexOf('/') + 1);
    }

    private UsageSeries usage(String report, UsageQuery query) throws GatewayException {
        String keyFilter = plainKeyId(query);
        return BucketedUsagePages.read(query, limits(), "OpenAI", "usage answer", "start_time", page -> {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("start_time", query.start().getEpochSecond());
            params.put("end_time", query.end().getEpochSecond());
            params.put("bucket_width", query.bucket() == UsageBucket.HOUR ? "1h" : "1d");
            params.put("group_by", List.of("api_key_id"));
            params.put("api_key_ids", keyFilter == null ? null : List.of(keyFilter));
            params.put("limit", query.bucket() == UsageBucket.HOUR ? 168 : 31);
            params.put("page", page);
            return http.get(report, params);
        }, (start, r) -> {
            String plain = JsonFields.text(r, "api_key_id");
            String keyId = plain == null ? null : listedId(plain, query);
            return new UsagePoint(keyId, start, r.path("num_model_requests").asLong(0),
                    r.path("input_tokens").asLong(0), r.path("output_tokens").asLong(0), 0);
        });
    }

    /**
     * Key lifecycle events and failed logins from the audit log (audit logging must be enabled for
     * the organization). OpenAI cannot filter by status or code; a {@code code} filter is applied here.
     */
    @Override
    public Page<AuthEvent> authEvents(AuthEventQuery query) throws GatewayException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("event_types[]", OpenAiJson.keyEventTypes());
        params.put("effective_at[gte]", query.since() == null ? null : query.since().getEpochSecond());
        params.put("effective_at[lt]", query.until() == null ? null : query.until().getEpochSecond());
        params.put("limit", Math.min(query.limit(), 100));
        params.put("after", query.after());
        GatewayResponse<JsonNode> response = http.get("/v1/organization/audit_logs", params);
        JsonNode data = response.body().path("data");
        if (!data.isArray()) {
            throw JsonFields.unexpected("OpenAI's audit log answer has no \"data\" array.", response.requestId());
        }
        List<AuthEvent> events = new ArrayList<>();
        String lastId = null;
        for (JsonNode item : data) {
            AuthEvent event = OpenAiJson.auditEvent(item, response.requestId());
            lastId = event.id();
            if (query.code() == null || query.code().equals(event.code())) {
                events.add(event);
            }
        }
        return new Page<>(events, nextAfter(response.body(), lastId));
    }

    /** Proves the Admin key works by reading one admin key; OpenAI has no "who am I" for admin keys. */
    @Override
    public TokenInfo tokenInfo() throws GatewayException {
        http.get(ADMIN_KEYS, Map.of("limit", 1));
        return new TokenInfo("OpenAI organization Admin key (accepted)", List.of(), null);
    }



    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
