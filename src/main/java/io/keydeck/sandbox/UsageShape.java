package io.keydeck.sandbox;

/** How a seeded key's traffic looks over time, so the usage charts have something to tell. */
enum UsageShape {
    /** No seeded traffic at all. */
    NONE,
    /** Office-hours traffic with a weekly dip. */
    STEADY,
    /** Heavy around the clock. */
    BUSY,
    /** A request now and then, most hours empty. */
    QUIET,
    /** Steady traffic with afternoons of errors every few days. */
    ERROR_BURSTS,
    /** Steady traffic, then many times more on the day of its last use: a spend spike. */
    SPIKE
}
