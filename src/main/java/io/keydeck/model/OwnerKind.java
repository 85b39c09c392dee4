package io.keydeck.model;

import java.util.Locale;

/** What kind of thing owns a key: OpenAI projects, Anthropic and OpenRouter workspaces, LiteLLM teams and users. */
public enum OwnerKind {
    PROJECT, WORKSPACE, TEAM, USER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The wire form; null for anything else. */
    public static OwnerKind fromWire(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "project" -> PROJECT;
            case "workspace" -> WORKSPACE;
            case "team" -> TEAM;
            case "user" -> USER;
            default -> null;
        };
    }
}
