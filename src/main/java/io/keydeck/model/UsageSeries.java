package io.keydeck.model;

import java.util.List;

/** The usage a gateway answered for one {@link UsageQuery}. */
public record UsageSeries(UsageQuery query, List<UsagePoint> points) {
    public UsageSeries {
        points = points == null ? List.of() : List.copyOf(points);
    }
}
