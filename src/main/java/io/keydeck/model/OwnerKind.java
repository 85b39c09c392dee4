package io.keydeck.model;

import java.util.Locale;

/**
 * What kind of thing owns a key: OpenAI projects, Anthropic and OpenRouter workspaces, LiteLLM teams, users, and
 * the service accounts OpenAI and Anthropic bind keys to instead of a person.
 */
public enum OwnerKind {
    PROJECT, WORKSPACE, TEAM, USER, SERVICE_ACCOUNT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a reader calls it: "service account" rather than the wire form. */
    public String label() {
        return wireName().replace('_', ' ');
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
            case "service_account" -> SERVICE_ACCOUNT;
            default -> null;
        };
    }
}
