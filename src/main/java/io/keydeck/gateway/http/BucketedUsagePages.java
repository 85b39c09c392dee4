package io.keydeck.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayLimits;
import io.keydeck.gateway.PagingGuard;
import io.keydeck.model.Page;
import io.keydeck.model.UsagePoint;
import io.keydeck.model.UsageQuery;
import io.keydeck.model.UsageSeries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The usage and cost reports OpenAI and Anthropic publish alike: pages of {@code data} buckets, each with a start
 * time and {@code results}, followed through {@code has_more}/{@code next_page}. A page asked for twice, empty
 * pages that keep saying there are more, and the listing cap stop the paging as they stop key listings.
 */
public final class BucketedUsagePages {
    /** One page of the report; {@code page} is null for the first. */
    @FunctionalInterface
    public interface Fetch {
        GatewayResponse<JsonNode> page(String page) throws GatewayException;
    }

    /** One result of a bucket as a usage point. */
    @FunctionalInterface
    public interface Point {
        UsagePoint of(Instant bucketStart, JsonNode result) throws GatewayException;
    }

    /** One result of a bucket as whatever the report is read into; null to skip it. */
    @FunctionalInterface
    public interface Entry<T> {
        T of(Instant bucketStart, JsonNode result) throws GatewayException;
    }

    private BucketedUsagePages() {
    }

    /**
     * Every point of the report.
     *
     * @param gateway    whose report, for messages ("OpenAI")
     * @param report     what the gateway calls it, for messages ("usage report")
     * @param startField the bucket's start time field
     */
    public static UsageSeries read(UsageQuery query, GatewayLimits limits, String gateway, String report,
                                   String startField,
                                   Fetch fetch, Point point) throws GatewayException {
        return new UsageSeries(query, readAll(limits, gateway, report, startField, fetch, point::of, "usage points",
                p -> p.keyId() + "@" + p.bucketStart()));
    }

    /**
     * Every entry of the report, in the order answered.
     *
     * @param what what the entries are, plural, for messages ("usage points")
     * @param id   an entry's identity, so pages that bring nothing new are told apart
     */
    public static <T> List<T> readAll(GatewayLimits limits, String gateway, String report, String startField,
                                      Fetch fetch, Entry<T> entry, String what, Function<T, String> id)
            throws GatewayException {
        List<T> points = new ArrayList<>();
        Set<String> seenPages = new HashSet<>();
        PagingGuard<T> guard = new PagingGuard<>(what, 0, limits, id);
        String page = null;
        do {
            GatewayResponse<JsonNode> response = fetch.page(page);
            JsonNode root = response.body();
            if (!root.path("data").isArray()) {
                throw JsonFields.unexpected(gateway + "'s " + report + " has no \"data\" array.", response.requestId());
            }
            List<T> pagePoints = new ArrayList<>();
            for (JsonNode bucket : root.path("data")) {
                Instant start = JsonFields.instant(bucket, startField, response.requestId());
                for (JsonNode result : bucket.path("results")) {
                    T read = entry.of(start, result);
                    if (read != null) {
                        pagePoints.add(read);
                    }
                }
            }
            page = root.path("has_more").asBoolean(false) ? JsonFields.text(root, "next_page") : null;
            if (page != null && !seenPages.add(page)) {
                throw JsonFields.unexpected(gateway + " sent the same usage page twice.", response.requestId());
            }
            page = guard.accept(new Page<>(pagePoints, page));
            points.addAll(pagePoints);
        } while (page != null);
        return points;
    }
}
