package io.keydeck.model;

import java.util.Objects;

/**
 * Who a key belongs to, as the gateway names it.
 *
 * @param displayName the name to show; the id when the gateway gave none
 * @param member      whether the owner still belongs to the key's project or team, where the gateway
 *                    reports membership; null when it does not say
 */
public record KeyOwner(OwnerKind kind, String id, String displayName, Boolean member) {
    public KeyOwner {
        Objects.requireNonNull(kind, "kind");
        id = id == null ? "" : id.strip();
        displayName = displayName == null || displayName.isBlank() ? id : displayName.strip();
        if (id.isEmpty() && displayName.isEmpty()) {
            throw new IllegalArgumentException("an owner needs an id or a name");
        }
    }

    public KeyOwner(OwnerKind kind, String id, String displayName) {
        this(kind, id, displayName, null);
    }

    /** "team Platform", "user alice@example.com", "service account deploy-bot". */
    public String display() {
        return kind.label() + " " + displayName;
    }
}
