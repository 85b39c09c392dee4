package io.keydeck.authlog;

import java.time.Duration;

/**
 * The thresholds of {@link SignalDetector}.
 *
 * @param manyIps     a key failing from at least this many different IPs is flagged
 * @param burstCount  at least this many {@code invalid_api_key} from one IP ...
 * @param burstWindow ... within this long is a burst
 */
public record SignalRules(int manyIps, int burstCount, Duration burstWindow) {
    /** 5 IPs; 20 invalid keys in 5 minutes. */
    public static final SignalRules DEFAULT = new SignalRules(5, 20, Duration.ofMinutes(5));
}
