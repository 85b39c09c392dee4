package io.keydeck.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a key costs and may do beyond its scopes: spend per period, its budget or credit limit, rate
 * limits, the models it may call and who owns it. Each gateway reports a different part of this;
 * what it leaves out stays unknown ({@link #UNKNOWN}), which Review tells apart from "no limit".
 *
 * @param spend          totals per period, at most one per {@link SpendPeriod}, all in one unit
 * @param dailySpend     recent days' spend, oldest first, where the gateway reports it (for spike checks)
 * @param limit          the spend limit, or null when there is none or it is unknown ({@code limitsReported})
 * @param limitsReported the gateway says what limits a key has, so a null {@code limit} and empty
 *                       {@code rateLimits} mean "none" rather than "unknown"
 * @param allowedModels  the models the key may call; empty means the gateway restricts none (or did not say)
 * @param owners         who owns the key, most specific first (a user before their team)
 */
public record KeyAccount(Map<SpendPeriod, Amount> spend, List<DailySpend> dailySpend, SpendLimit limit,
                         boolean limitsReported, RateLimits rateLimits, List<String> allowedModels,
                         List<KeyOwner> owners) {
    /** Nothing known: a gateway that reports none of it. */
    public static final KeyAccount UNKNOWN = new KeyAccount(null, null, null, false, null, null, null);

    public KeyAccount {
        EnumMap<SpendPeriod, Amount> copy = new EnumMap<>(SpendPeriod.class);
        if (spend != null) {
            spend.forEach((period, amount) -> copy.put(Objects.requireNonNull(period, "period"),
                    Objects.requireNonNull(amount, "amount")));
        }
        if (copy.values().stream().map(Amount::unit).distinct().count() > 1) {
            throw new IllegalArgumentException("a key's spend totals must share one unit, were " + copy.values());
        }
        spend = java.util.Collections.unmodifiableMap(copy);
        List<DailySpend> days = new ArrayList<>(dailySpend == null ? List.of() : dailySpend);
        days.sort(Comparator.comparing(DailySpend::day));
        dailySpend = List.copyOf(days);
        limitsReported = limitsReported || limit != null || rateLimits != null && !rateLimits.isEmpty();
        rateLimits = rateLimits == null ? RateLimits.NONE : rateLimits;
        allowedModels = allowedModels == null ? List.of() : allowedModels.stream().filter(Objects::nonNull)
                .map(String::strip).filter(m -> !m.isEmpty()).distinct().toList();
        owners = owners == null ? List.of() : List.copyOf(owners);
    }

    /** The spend over {@code period}, if the gateway reported it. */
    public Optional<Amount> spend(SpendPeriod period) {
        return Optional.ofNullable(spend.get(period));
    }

    /** The owner to show first, if any. */
    public Optional<KeyOwner> owner() {
        return owners.isEmpty() ? Optional.empty() : Optional.of(owners.get(0));
    }

    /** The share of the limit used, 0..1 or more; empty without a limit or without a way to tell. */
    public Optional<Double> limitUsed() {
        return limit == null ? Optional.empty() : limit.usedFraction(spend.get(limit.reset().period()));
    }

    /** True when the gateway reports limits and this key has no spend limit and no rate limit at all. */
    public boolean knownUnlimited() {
        return limitsReported && limit == null && rateLimits.isEmpty();
    }

    public boolean isUnknown() {
        return spend.isEmpty() && dailySpend.isEmpty() && !limitsReported && allowedModels.isEmpty() && owners.isEmpty();
    }

    /**
     * Every owner, most specific first: "team Platform", "user dev@example.com, project Website"; "" when no
     * owner is known.
     */
    public String ownerText() {
        return String.join(", ", owners.stream().map(KeyOwner::display).toList());
    }

    /** The spend to show first: this month's, else this week's, today's or the total; empty when none is reported. */
    public Optional<Amount> shownSpend() {
        return shownPeriod().map(spend::get);
    }

    /**
     * {@link #shownSpend()} as "$12.40 this month"; "" when none is reported.
     */
    public String spendText() {
        return shownPeriod().map(period -> spend.get(period).display() + switch (period) {
            case MONTH -> " this month";
            case WEEK -> " this week";
            case DAY -> " today";
            case TOTAL -> " in total";
        }).orElse("");
    }

    /** {@link #shownSpend()} for a narrow column: "$12.40/mo", "$3.10/wk", "$0.41 today", "$14.22 total"; "" when none. */
    public String spendShortText() {
        return shownPeriod().map(period -> spend.get(period).display() + switch (period) {
            case MONTH -> "/mo";
            case WEEK -> "/wk";
            case DAY -> " today";
            case TOTAL -> " total";
        }).orElse("");
    }

    private Optional<SpendPeriod> shownPeriod() {
        for (SpendPeriod period : new SpendPeriod[] {SpendPeriod.MONTH, SpendPeriod.WEEK, SpendPeriod.DAY,
            SpendPeriod.TOTAL}) {
            if (spend.containsKey(period)) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }

    /** "72 % of $50.00 a month", "$50.00 a month" (usage unknown), "none", or "" when limits are unknown. */
    public String limitText() {
        if (limit == null) {
            return limitsReported ? "none" : "";
        }
        return limitUsed().map(used -> Math.round(Math.floor(used * 100)) + " % of ").orElse("") + limit.display();
    }

    public KeyAccount withLimit(SpendLimit newLimit) {
        return new KeyAccount(spend, dailySpend, newLimit, true, rateLimits, allowedModels, owners);
    }

    /** Starts an account from nothing; drivers fill what their gateway reports. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a key's account field by field while a driver reads an answer. */
    public static final class Builder {
        private final Map<SpendPeriod, Amount> spend = new EnumMap<>(SpendPeriod.class);
        private final List<DailySpend> daily = new ArrayList<>();
        private final List<KeyOwner> owners = new ArrayList<>();
        private SpendLimit limit;
        private boolean limitsReported;
        private RateLimits rateLimits = RateLimits.NONE;
        private List<String> models = List.of();

        public Builder spend(SpendPeriod period, Amount amount) {
            if (amount != null) {
                spend.put(period, amount);
            }
            return this;
        }

        public Builder daily(DailySpend day) {
            daily.add(day);
            return this;
        }

        public Builder limit(SpendLimit value) {
            this.limit = value;
            return this;
        }

        /** The gateway reports limits (so none means none). */
        public Builder limitsReported() {
            this.limitsReported = true;
            return this;
        }

        public Builder rateLimits(RateLimits value) {
            this.rateLimits = value == null ? RateLimits.NONE : value;
            return this;
        }

        public Builder models(List<String> value) {
            this.models = value == null ? List.of() : value;
            return this;
        }

        public Builder owner(KeyOwner owner) {
            if (owner != null) {
                owners.add(owner);
            }
            return this;
        }

        public KeyAccount build() {
            KeyAccount account = new KeyAccount(spend, daily, limit, limitsReported, rateLimits, models, owners);
            return account.isUnknown() ? UNKNOWN : account;
        }
    }
}
