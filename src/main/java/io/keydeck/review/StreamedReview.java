package io.keydeck.review;

import io.keydeck.model.ApiKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rules run key by key as a gateway's pages arrive: each key leaves at once with its findings, so a
 * review of any size holds about a page. Keys are held back only while none so far has a last-use time,
 * because when none of two or more has one the gateway does not report it and the never-used and stale
 * rules are skipped instead of flagging every key ({@link ReviewRules#run} decides the same way).
 */
public final class StreamedReview {
    private final ReviewInput context;
    private final Instant now;
    private final Consumer<ReportData.KeyRow> out;
    private final List<ApiKey> undecided = new ArrayList<>();
    private final AccountCoverage coverage = new AccountCoverage();
    private Boolean lastUseKnown;
    private int keyCount;
    private SeverityCounts counts = SeverityCounts.NONE;

    /**
     * @param context the connection, its auth log and thresholds; its key list is not looked at
     * @param out     gets each key with its findings (most severe first), in the order the keys came
     */
    public StreamedReview(ReviewInput context, Instant now, Consumer<ReportData.KeyRow> out) {
        this.context = context;
        this.now = now;
        this.out = out;
    }

    public void keys(List<ApiKey> page) {
        page.forEach(this::key);
    }

    private void key(ApiKey key) {
        keyCount++;
        coverage.add(key);
        if (lastUseKnown == null) {
            if (key.lastUsedAt() == null) {
                undecided.add(key);
                return;
            }
            lastUseKnown = true;
            releaseUndecided();
        }
        judge(key);
    }

    /** Sends the keys still held back and says what was found and what could not be checked. */
    public ConnectionTotals finish() {
        if (lastUseKnown == null) {
            lastUseKnown = undecided.size() < 2;
            releaseUndecided();
        }
        List<SkippedRule> skipped = new ArrayList<>();
        if (!lastUseKnown) {
            String reason = "None of the " + keyCount + " keys has a last-use time; this gateway does not"
                    + " seem to report it.";
            skipped.add(new SkippedRule(ReviewRule.NEVER_USED, context.connectionName(), reason));
            skipped.add(new SkippedRule(ReviewRule.STALE, context.connectionName(), reason));
        }
        if (context.authEvents() == null) {
            skipped.add(new SkippedRule(ReviewRule.REVOKED_KEY_ATTEMPTS, context.connectionName(),
                    context.authEventsMissing()));
        }
        skipped.addAll(SpendRules.skipped(context.connectionName(), coverage));
        return new ConnectionTotals(context.connectionName(), context.productionTagged(), keyCount, counts, skipped);
    }

    private void releaseUndecided() {
        undecided.forEach(this::judge);
        undecided.clear();
    }

    private void judge(ApiKey key) {
        List<Finding> findings = new ArrayList<>();
        ReviewRules.check(key, context, now, lastUseKnown, findings);
        findings.sort(Comparator.comparing(Finding::severity));
        counts = counts.plus(SeverityCounts.of(findings));
        out.accept(new ReportData.KeyRow(context.connectionName(), key, key.status(now), List.copyOf(findings)));
    }
}
