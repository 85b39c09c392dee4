package io.keydeck.model;

/**
 * Requests and tokens a key may use per minute; a null value means the gateway set or reported none.
 */
public record RateLimits(Long requestsPerMinute, Long tokensPerMinute) {
    public static final RateLimits NONE = new RateLimits(null, null);

    public RateLimits {
        if (requestsPerMinute != null && requestsPerMinute < 0 || tokensPerMinute != null && tokensPerMinute < 0) {
            throw new IllegalArgumentException("rate limits cannot be negative");
        }
    }

    public boolean isEmpty() {
        return requestsPerMinute == null && tokensPerMinute == null;
    }

    /** "600 req/min, 90,000 tok/min", "600 req/min", "none". */
    public String display() {
        if (isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        if (requestsPerMinute != null) {
            text.append(String.format(java.util.Locale.ROOT, "%,d req/min", requestsPerMinute));
        }
        if (tokensPerMinute != null) {
            text.append(text.length() > 0 ? ", " : "").append(String.format(java.util.Locale.ROOT, "%,d tok/min",
                    tokensPerMinute));
        }
        return text.toString();
    }
}
