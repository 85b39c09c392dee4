package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyAccount;

import java.math.BigDecimal;

/**
 * The Keys view's filters on what a key costs and who owns it (issue 21): one owner, spend above an amount
 * (the spend the Spend column shows, in the key's own unit) and keys near their limit.
 *
 * @param owner      the owner as the Owner column shows it ("team Platform"); null for any owner
 * @param spendAbove only keys whose shown spend is above this; null for any spend
 * @param nearLimit  only keys that used {@link KeyAccountColumns#NEAR_LIMIT} or more of their limit
 */
public record AccountFilter(String owner, BigDecimal spendAbove, boolean nearLimit) {
    public static final AccountFilter NONE = new AccountFilter(null, null, false);

    public boolean matches(ApiKey key) {
        KeyAccount account = key.account();
        if (owner != null && !owner.equals(account.ownerText())) {
            return false;
        }
        if (spendAbove != null && account.shownSpend().filter(a -> a.value().compareTo(spendAbove) > 0).isEmpty()) {
            return false;
        }
        return !nearLimit || account.limitUsed().orElse(0.0) >= KeyAccountColumns.NEAR_LIMIT;
    }
}
