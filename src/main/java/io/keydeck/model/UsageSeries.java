package io.keydeck.model;

import java.util.List;

/**
 * The usage a gateway answered for one {@link UsageQuery}.
 *
 * @param costNote why the points carry no cost although it was asked for ({@link UsageQuery#cost()}), in a sentence
 *                 for the user: the gateway prices only whole days, or its costs report failed and the traffic is
 *                 shown without it. Null when there is nothing to explain (every bucket priced, or a gateway that never
 *                 prices usage, which the Usage view already calls "not reported").
 */
public record UsageSeries(UsageQuery query, List<UsagePoint> points, String costNote) {
    public UsageSeries {
        points = points == null ? List.of() : List.copyOf(points);
    }

    public UsageSeries(UsageQuery query, List<UsagePoint> points) {
        this(query, points, null);
    }
}
