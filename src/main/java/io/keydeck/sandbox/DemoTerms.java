package io.keydeck.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeds budgets, rate limits, allowed models and owners, so a new user sees spend and limits at work:
 * most keys have a monthly budget with room to spare, {@code translation-service} has used 93 % of its
 * budget, {@code internal-wiki-bot} is over its budget (the sandbox refuses it with 429
 * {@code budget_exceeded}), {@code web-frontend} is a live key with no limit at all, the owner of
 * {@code sales-crm-sync} has left the team, and {@code batch-embeddings} spikes today. Follows from the seed.
 */
final class DemoTerms {
    static final String NEAR_LIMIT = "translation-service";
    static final String OVER_BUDGET = "internal-wiki-bot";
    static final String UNLIMITED = "web-frontend";
    static final String OWNER_LEFT = "sales-crm-sync";

    private static final List<KeyTerms.Owner> TEAMS = List.of(
            new KeyTerms.Owner("team", "team_platform", "Platform", true),
            new KeyTerms.Owner("team", "team_mobile", "Mobile", true),
            new KeyTerms.Owner("team", "team_data", "Data", true),
            new KeyTerms.Owner("team", "team_growth", "Growth", true),
            new KeyTerms.Owner("team", "team_support", "Support", true),
            new KeyTerms.Owner("project", "prj_partners", "Partner integrations", true));
    private static final Map<String, KeyTerms.Owner> OWNERS = Map.ofEntries(
            Map.entry("billing-service (prod)", TEAMS.get(0)), Map.entry("billing-service (staging)", TEAMS.get(0)),
            Map.entry("ci-runner", TEAMS.get(0)), Map.entry("terraform-provisioner", TEAMS.get(0)),
            Map.entry("mobile-app-ios", TEAMS.get(1)), Map.entry("mobile-app-android", TEAMS.get(1)),
            Map.entry("analytics-batch", TEAMS.get(2)), Map.entry("batch-embeddings", TEAMS.get(2)),
            Map.entry("data-science-notebook", TEAMS.get(2)), Map.entry("web-frontend", TEAMS.get(3)),
            Map.entry("translation-service", TEAMS.get(3)), Map.entry("support-chatbot", TEAMS.get(4)),
            Map.entry("partner-acme-integration", TEAMS.get(5)), Map.entry("partner-globex-sync", TEAMS.get(5)),
            Map.entry("dev-alice", new KeyTerms.Owner("user", "usr_alice", "Alice Moreau", true)),
            Map.entry("dev-bob", new KeyTerms.Owner("user", "usr_bob", "Bob Okafor", true)),
            Map.entry(OWNER_LEFT, new KeyTerms.Owner("user", "usr_dana", "Dana Whitfield (left Sales in November)",
                    false)));

    private DemoTerms() {
    }

    static void seed(KeyStore keys, SpendMeter meter, long now, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5EED5EEDL);
        for (StoredKey key : keys.all()) {
            key.setTerms(termsFor(key, rng.split(), meter, now));
        }
    }

    private static KeyTerms termsFor(StoredKey key, SplittableRandom rng, SpendMeter meter, long now) {
        String name = key.name();
        KeyTerms.Owner owner = OWNERS.getOrDefault(name, TEAMS.get(Math.floorMod(key.seq * 31 + 7, TEAMS.size() - 1)));
        KeyTerms terms = KeyTerms.NONE.withOwner(owner);
        boolean unlimited = name.equals(UNLIMITED) || name.startsWith("key-") && rng.nextInt(100) < 15;
        if (unlimited) {
            return terms;
        }
        if (name.equals(NEAR_LIMIT) || name.equals(OVER_BUDGET)) {
            // a budget that never resets, against all the spend so far: stays 93 % used (or 125 %) whatever the date
            double total = Math.max(0.01, meter.snapshot(key, now).total());
            double share = name.equals(NEAR_LIMIT) ? 0.93 : 1.25;
            return terms.withBudget(BigDecimal.valueOf(total / share).setScale(2, RoundingMode.HALF_UP), "never");
        }
        // room to spare: about three times a month's spend at the key's seeded rate
        BigDecimal monthly = BigDecimal.valueOf(5L * (long) Math.ceil((key.usageRate * 1.5 + 10) / 5));
        if (StoredKey.TEST_PREFIX.equals(key.prefix)) {
            terms = terms.withBudget(BigDecimal.valueOf(20), "monthly");
        } else {
            terms = terms.withBudget(monthly, rng.nextInt(10) == 0 ? "weekly" : "monthly");
        }
        if (key.shape() == UsageShape.BUSY) {
            terms = terms.withRates((long) key.usageRate * 4, null);
        }
        if (name.startsWith("mobile-app")) {
            terms = terms.withModels(List.of("multiroute/auto", "gpt-4o-mini", "claude-3-5-haiku"));
        }
        return terms;
    }
}
