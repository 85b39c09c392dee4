package io.keydeck.gateway;

import io.keydeck.model.Capability;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * A gateway flavour KeyDeck can manage (MultiRoute, OpenRouter, …). Found with {@link ServiceLoader}
 * so a driver can live in its own jar; it only maps JSON and paths, the shared HTTP layer does the rest.
 */
public interface GatewayDriver {

    /** Stable id saved in connection profiles, e.g. {@code multiroute}. */
    String id();

    /** Name shown to users, e.g. "MultiRoute". */
    String displayName();

    Set<Capability> capabilities();

    /** Why this driver lacks {@code capability}, in a sentence a user understands. */
    default String unsupportedReason(Capability capability) {
        return displayName() + " does not support " + capability.name().toLowerCase().replace('_', ' ') + ".";
    }

    /** Scopes a key can be given on this gateway, for the create dialog's checkboxes. */
    default List<String> knownScopes() {
        return List.of();
    }

    /**
     * Names of the extra {@link io.keydeck.model.ApiKey#attributes()} this driver fills, in the order
     * the key table should show them as columns (e.g. "Credit limit", "Spend"). Empty by default.
     */
    default List<String> keyAttributeNames() {
        return List.of();
    }

    /** Variable name for "copy as environment variable", e.g. {@code MULTIROUTE_API_KEY}. */
    default String secretEnvironmentVariable() {
        return id().toUpperCase().replace('-', '_') + "_API_KEY";
    }

    /** Opens a client; no request is sent until a method of the client is called. */
    GatewayClient connect(GatewayTarget target) throws GatewayException;

    /** Every driver on the class path, in a stable order. */
    static List<GatewayDriver> installed() {
        return ServiceLoader.load(GatewayDriver.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    static Optional<GatewayDriver> byId(String id) {
        return installed().stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
