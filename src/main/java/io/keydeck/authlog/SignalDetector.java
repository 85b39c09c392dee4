package io.keydeck.authlog;

import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the {@link Signal}s in a list of auth events: revoked or expired keys still in use, one key
 * failing from many IPs, and bursts of invalid keys from one IP.
 */
public final class SignalDetector {
    static final String EXPIRED = "expired_api_key";
    static final String INVALID = "invalid_api_key";

    private final SignalRules rules;

    public SignalDetector(SignalRules rules) {
        this.rules = rules;
    }

    /**
     * @param revokedKeys keys the gateway lists as revoked; an {@code invalid_api_key} whose hint (or key
     *                    id) matches one of them is a revoked key in use
     */
    public List<Signal> detect(List<AuthEvent> events, List<ApiKey> revokedKeys) {
        Map<String, ApiKey> revokedByHint = new HashMap<>();
        Map<String, ApiKey> revokedById = new HashMap<>();
        for (ApiKey key : revokedKeys) {
            if (key.revoked()) {
                revokedByHint.put(key.hint(), key);
                revokedById.put(key.id(), key);
            }
        }
        Map<String, Acc> revoked = new LinkedHashMap<>();
        Map<String, Acc> expired = new LinkedHashMap<>();
        Map<String, Acc> byKey = new LinkedHashMap<>();
        Map<String, List<Instant>> invalidByIp = new HashMap<>();
        for (AuthEvent e : events) {
            String hint = e.keyHint();
            if (EXPIRED.equals(e.code()) && !hint.isEmpty()) {
                expired.computeIfAbsent(hint, h -> new Acc(h, e.keyId())).add(e);
            }
            if (INVALID.equals(e.code())) {
                ApiKey match = e.keyId() != null ? revokedById.get(e.keyId()) : null;
                if (match == null && !hint.isEmpty()) {
                    match = revokedByHint.get(hint);
                }
                if (match != null) {
                    ApiKey key = match;
                    revoked.computeIfAbsent(key.hint(), h -> new Acc(h, key.id())).add(e);
                } else if (e.clientIp() != null && e.occurredAt() != null) {
                    invalidByIp.computeIfAbsent(e.clientIp(), ip -> new ArrayList<>()).add(e.occurredAt());
                }
            }
            if (!hint.isEmpty() && e.clientIp() != null) {
                byKey.computeIfAbsent(hint, h -> new Acc(h, e.keyId())).add(e);
            }
        }
        List<Signal> out = new ArrayList<>();
        revoked.values().forEach(a -> out.add(a.signal(Signal.Kind.REVOKED_KEY_USED, null, 0)));
        expired.values().forEach(a -> out.add(a.signal(Signal.Kind.EXPIRED_KEY_USED, null, 0)));
        for (Acc a : byKey.values()) {
            if (a.ips.size() >= rules.manyIps()) {
                out.add(a.signal(Signal.Kind.KEY_FROM_MANY_IPS, null, a.ips.size()));
            }
        }
        invalidByIp.forEach((ip, times) -> burst(ip, times).ifPresent(out::add));
        out.sort(Comparator.comparing(Signal::kind).thenComparing(Comparator.comparingInt(Signal::count).reversed()));
        return out;
    }

    /** The densest window of {@code rules.burstWindow()} for one IP, if it holds enough events. */
    private java.util.Optional<Signal> burst(String ip, List<Instant> times) {
        if (times.size() < rules.burstCount()) {
            return java.util.Optional.empty();
        }
        times.sort(null);
        int best = 0;
        int bestStart = 0;
        int bestEnd = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (times.get(start).plus(rules.burstWindow()).isBefore(times.get(end))) {
                start++;
            }
            if (end - start + 1 > best) {
                best = end - start + 1;
                bestStart = start;
                bestEnd = end;
            }
        }
        if (best < rules.burstCount()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Signal(Signal.Kind.INVALID_KEY_BURST, null, "", ip, best, 0,
                times.get(bestStart), times.get(bestEnd)));
    }

    private static final class Acc {
        final String hint;
        String keyId;
        final Set<String> ips = new HashSet<>();
        int count;
        Instant first;
        Instant last;

        Acc(String hint, String keyId) {
            this.hint = hint;
            this.keyId = keyId;
        }

        void add(AuthEvent e) {
            count++;
            if (keyId == null) {
                keyId = e.keyId();
            }
            if (e.clientIp() != null) {
                ips.add(e.clientIp());
            }
            Instant at = e.occurredAt();
            if (at != null) {
                first = first == null || at.isBefore(first) ? at : first;
                last = last == null || at.isAfter(last) ? at : last;
            }
        }

        Signal signal(Signal.Kind kind, String ip, int distinct) {
            String onlyIp = ip != null ? ip : ips.size() == 1 ? ips.iterator().next() : null;
            return new Signal(kind, keyId, hint, onlyIp, count, distinct, first, last);
        }
    }
}
