package io.keydeck.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayLimits;
import io.keydeck.gateway.PagingGuard;
import io.keydeck.model.Page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names behind the ids a key answer carries (OpenAI's projects, Anthropic's workspaces and users), read
 * from a list endpoint that pages as OpenAI's and Anthropic's Admin APIs do: {@code data}, {@code has_more} and
 * {@code last_id}. Only id and name are kept, and one {@link PagingGuard} keeps the reading finite.
 */
public final class ListedNames {
    /** One page, after the item with id {@code after} (null for the first). */
    @FunctionalInterface
    public interface Fetch {
        GatewayResponse<JsonNode> page(String after) throws GatewayException;
    }

    private ListedNames() {
    }

    /**
     * Id to name (null when the item has none) of every item, in the order listed; items without an id are
     * skipped.
     *
     * @param what     what is listed, plural, for messages ("OpenAI projects")
     * @param pageSize the page size asked for
     * @param name     the name to keep of one item
     */
    public static Map<String, String> read(String what, int pageSize, GatewayLimits limits, Fetch fetch,
                                           Function<JsonNode, String> name) throws GatewayException {
        Map<String, String> names = new LinkedHashMap<>();
        PagingGuard<String> guard = new PagingGuard<>(what, pageSize, limits, Function.identity());
        String after = null;
        do {
            GatewayResponse<JsonNode> response = fetch.page(after);
            JsonNode data = response.body().path("data");
            if (!data.isArray()) {
                throw JsonFields.unexpected("The list of " + what + " has no \"data\" array.", response.requestId());
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode item : data) {
                String id = JsonFields.text(item, "id");
                if (id != null) {
                    ids.add(id);
                    names.put(id, name.apply(item));
                }
            }
            // "has_more" with neither a last_id nor an item to go on from ends the list, as it ends key listings
            String next = !response.body().path("has_more").asBoolean(false) ? null
                    : Optional.ofNullable(JsonFields.text(response.body(), "last_id"))
                    .orElse(ids.isEmpty() ? null : ids.get(ids.size() - 1));
            after = guard.accept(new Page<>(ids, next));
        } while (after != null);
        return Collections.unmodifiableMap(names);
    }
}
