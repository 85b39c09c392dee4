package io.keydeck.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the sandbox misbehave on purpose — slow answers, 429s, 5xx, HTML error pages, broken JSON,
 * dropped connections — so the app's error handling can be seen and tested. Thread-safe; everything
 * is off until asked for, and it only touches the admin endpoints (not {@code /v1/chat/completions}).
 * Queued faults are served in order: failures first, then HTML pages, malformed JSON, dropped connections.
 */
public final class FaultInjector {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    /** What to do with the next admin request. */
    enum Kind {
        NONE, FAIL, HTML, MALFORMED, DROP
    }

    /** One fault to apply; {@code status} and {@code retryAfter} only for {@link Kind#FAIL}. */
    record Fault(Kind kind, int status, Duration retryAfter) {
        static final Fault NONE = new Fault(Kind.NONE, 0, null);
    }

    private final Deque<Fault> failures = new ArrayDeque<>();
    private int html;
    private int malformed;
    private int drop;
    private Duration latency = Duration.ZERO;

    /** Answers the next {@code count} admin requests with {@code status} (e.g. 429 or 503). */
    public synchronized void failNext(int count, int status, Duration retryAfter) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a failure status must be 4xx or 5xx, was " + status);
        }
        for (int i = 0; i < count; i++) {
            failures.add(new Fault(Kind.FAIL, status, retryAfter));
        }
    }

    /** Answers the next {@code count} admin requests with a 502 HTML page, as a broken proxy would. */
    public synchronized void htmlErrorNext(int count) {
        html += count;
    }

    /** Answers the next {@code count} admin requests with 200 and truncated JSON. */
    public synchronized void malformedJsonNext(int count) {
        malformed += count;
    }

    /** Closes the connection of the next {@code count} admin requests without answering. */
    public synchronized void dropNext(int count) {
        drop += count;
    }

    /** Delays every admin answer by {@code value} (zero turns it off). */
    public synchronized void setLatency(Duration value) {
        latency = value == null || value.isNegative() ? Duration.ZERO : value;
    }

    public synchronized Duration latency() {
        return latency;
    }

    /** Turns every fault off. */
    public synchronized void clear() {
        failures.clear();
        html = 0;
        malformed = 0;
        drop = 0;
        latency = Duration.ZERO;
    }

    /** Takes the fault for the next admin request. */
    synchronized Fault next() {
        if (!failures.isEmpty()) {
            return failures.poll();
        }
        if (html > 0) {
            html--;
            return new Fault(Kind.HTML, 502, null);
        }
        if (malformed > 0) {
            malformed--;
            return new Fault(Kind.MALFORMED, 200, null);
        }
        if (drop > 0) {
            drop--;
            return new Fault(Kind.DROP, 0, null);
        }
        return Fault.NONE;
    }

    /** Adds the faults of {@code spec} to this injector. */
    synchronized void apply(String spec) {
        FaultInjector parsed = parse(spec);
        failures.addAll(parsed.failures);
        html += parsed.html;
        malformed += parsed.malformed;
        drop += parsed.drop;
        if (!parsed.latency.isZero()) {
            latency = parsed.latency;
        }
    }

    /**
     * Reads a {@code --faults} spec: comma-separated {@code latency=200ms}, {@code fail=3:503},
     * {@code fail=2:429:5s} (with Retry-After), {@code html=1}, {@code malformed=1}, {@code drop=1}.
     *
     * @throws IllegalArgumentException naming the part that could not be read
     */
    public static FaultInjector parse(String spec) {
        FaultInjector faults = new FaultInjector();
        if (spec == null || spec.isBlank()) {
            return faults;
        }
        for (String part : spec.split(",")) {
            String item = part.trim();
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("fault \"" + item + "\" should look like name=value "
                        + "(latency=200ms, fail=3:503, html=1, malformed=1, drop=1)");
            }
            String name = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = item.substring(eq + 1).trim();
            switch (name) {
                case "latency" -> faults.setLatency(duration(value, item));
                case "fail" -> {
                    String[] bits = value.split(":");
                    if (bits.length < 2 || bits.length > 3) {
                        throw new IllegalArgumentException("fault \"" + item
                                + "\" should be fail=COUNT:STATUS or fail=COUNT:STATUS:RETRY_AFTER");
                    }
                    int status = count(bits[1], item);
                    if (status < 400 || status > 599) {
                        throw new IllegalArgumentException("fault \"" + item + "\" needs a 4xx or 5xx status");
                    }
                    faults.failNext(count(bits[0], item), status, bits.length == 3 ? duration(bits[2], item) : null);
                }
                case "html" -> faults.htmlErrorNext(count(value, item));
                case "malformed" -> faults.malformedJsonNext(count(value, item));
                case "drop" -> faults.dropNext(count(value, item));
                default -> throw new IllegalArgumentException("unknown fault \"" + name
                        + "\" (known: latency, fail, html, malformed, drop)");
            }
        }
        return faults;
    }

    private static int count(String value, String item) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault \"" + item + "\": \"" + value + "\" is not a whole number");
        }
    }

    private static Duration duration(String value, String item) {
        Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("fault \"" + item + "\": \"" + value
                    + "\" is not a duration like 200ms, 2s or 1m");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofMillis(n);
        };
    }

    @Override
    public synchronized String toString() {
        return "FaultInjector[failures=" + failures.size() + ", html=" + html + ", malformed=" + malformed
                + ", drop=" + drop + ", latency=" + latency + "]";
    }
}
