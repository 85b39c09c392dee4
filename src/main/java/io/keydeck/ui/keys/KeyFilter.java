package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyStatus;

import java.time.Instant;

/**
 * Which keys the table shows: text typed into the search field (matched against name, prefix, last
 * four and scopes), an environment, a status, owner and spend, and whether revoked keys count at all.
 *
 * @param environment null for every environment
 * @param status      null for every status
 */
public record KeyFilter(String search, KeyEnvironment environment, KeyStatus status, boolean showRevoked,
                        AccountFilter account) {

    public KeyFilter {
        search = search == null ? "" : KeySearchIndex.searchable(search.strip());
        account = account == null ? AccountFilter.NONE : account;
    }

    public KeyFilter(String search, KeyEnvironment environment, KeyStatus status, boolean showRevoked) {
        this(search, environment, status, showRevoked, AccountFilter.NONE);
    }

    public static KeyFilter everything() {
        return new KeyFilter("", null, null, true);
    }

    public boolean matches(ApiKey key, Instant now) {
        return matches(key, KeySearchIndex.searchText(key), now);
    }

    /** As {@link #matches(ApiKey, Instant)} with the key's lower-case search text already at hand. */
    public boolean matches(ApiKey key, String searchText, Instant now) {
        KeyStatus keyStatus = key.status(now);
        if (keyStatus == KeyStatus.REVOKED && !showRevoked && status != KeyStatus.REVOKED) {
            return false;
        }
        if (environment != null && key.environment() != environment) {
            return false;
        }
        if (status != null && keyStatus != status || !account.matches(key)) {
            return false;
        }
        return search.isEmpty() || searchText.contains(search);
    }
}
