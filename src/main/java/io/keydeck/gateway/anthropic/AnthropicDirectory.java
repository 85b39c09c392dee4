package io.keydeck.gateway.anthropic;

import java.util.Map;

/**
 * The names behind the ids on Anthropic's key objects, read once per listing: workspace id to name
 * ({@code /v1/organizations/workspaces}) and user id to e-mail ({@code /v1/organizations/users}). The users
 * are every member of the organization, so a key's user who is not among them has left it.
 *
 * @param users null when the members were not read, so nobody is taken to have left
 */
record AnthropicDirectory(Map<String, String> workspaces, Map<String, String> users) {
    /** Nothing read: owners are shown by id and their membership is unknown. */
    static final AnthropicDirectory NONE = new AnthropicDirectory(Map.of(), null);

    AnthropicDirectory {
        workspaces = workspaces == null ? Map.of() : workspaces;
    }

    /** Whether user {@code id} is still a member of the organization; null when the members were not read. */
    Boolean isMember(String id) {
        return users == null ? null : users.containsKey(id);
    }

    String userName(String id) {
        return users == null ? null : users.get(id);
    }
}
