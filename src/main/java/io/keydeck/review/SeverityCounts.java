package io.keydeck.review;

import java.util.Collection;

/** How many findings of each severity: the per-connection summary line and the report's totals. */
public record SeverityCounts(int high, int medium, int low) {
    public static final SeverityCounts NONE = new SeverityCounts(0, 0, 0);

    public static SeverityCounts of(Collection<Finding> findings) {
        int high = 0;
        int medium = 0;
        int low = 0;
        for (Finding finding : findings) {
            switch (finding.severity()) {
                case HIGH -> high++;
                case MEDIUM -> medium++;
                case LOW -> low++;
            }
        }
        return new SeverityCounts(high, medium, low);
    }

    public int total() {
        return high + medium + low;
    }

    public int count(Severity severity) {
        return switch (severity) {
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
        };
    }

    public SeverityCounts plus(SeverityCounts other) {
        return new SeverityCounts(high + other.high, medium + other.medium, low + other.low);
    }
}
