package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyAccount;

import java.math.BigDecimal;

/**
 * The Keys view's filters on what a key costs and who owns it (issue 21): one owner, spend above an amount
 * in one unit, and keys near their limit. Spend in another unit (credits against dollars, euros against
 * dollars) never matches: KeyDeck knows no exchange rate, so it does not pretend to compare them.
 *
 * @param owner      the owner as the Owner column shows it ("team Platform"); null for any owner
 * @param spendAbove only keys whose shown spend is above this; null for any spend
 * @param spendUnit  the unit {@code spendAbove} is in ("USD", "credits"); only keys whose shown spend is in it
 *                   can match
 * @param nearLimit  only keys that used {@link KeyAccountColumns#NEAR_LIMIT} or more of their limit
 */
public record AccountFilter(String owner, BigDecimal spendAbove, String spendUnit, boolean nearLimit) {
    public static final AccountFilter NONE = new AccountFilter(null, null, null, false);

    public boolean matches(ApiKey key) {
        KeyAccount account = key.account();
        if (owner != null && !owner.equals(account.ownerText())) {
            return false;
        }
        if (spendAbove != null && account.shownSpend().filter(a -> a.unit().equals(spendUnit)
                && a.value().compareTo(spendAbove) > 0).isEmpty()) {
            return false;
        }
        return !nearLimit || account.limitUsed().orElse(0.0) >= KeyAccountColumns.NEAR_LIMIT;
    }
}
