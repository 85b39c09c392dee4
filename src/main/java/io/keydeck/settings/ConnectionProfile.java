package io.keydeck.settings;

import io.keydeck.model.BaseUrlPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One gateway the user manages: what to call it, which driver speaks to it and where. Deliberately
 * has no token field; the admin token lives in a {@code TokenVault} under {@link #id()}.
 *
 * <p>The demo connection ({@link #demo()} true) points at the embedded sandbox, whose port changes
 * on every start, so its {@link #baseUrl()} is the placeholder {@value #SANDBOX_BASE_URL}; the app
 * replaces it with the sandbox's real {@code http://127.0.0.1:<port>} when it connects.
 *
 * @param options driver-specific, non-secret settings (e.g. an organisation id)
 */
public record ConnectionProfile(String id, String displayName, String driverId, String baseUrl,
                                EnvironmentTag environmentTag, boolean demo, Map<String, String> options) {
    public static final String SANDBOX_BASE_URL = "sandbox:embedded";
    public static final String SANDBOX_NAME = "Sandbox (local demo)";
    public static final String SANDBOX_DRIVER = "multiroute";
    public static final int MAX_NAME_LENGTH = 80;
    /** The option holding this connection's deadline for one gateway operation, in seconds (the gateway's name). */
    public static final String DEADLINE_OPTION = "deadline_seconds";
    /** The longest deadline a connection may set, as {@code --deadline} allows. */
    public static final int MAX_DEADLINE_SECONDS = 3600;

    public ConnectionProfile {
        id = id == null || id.isBlank() ? newId() : id;
        displayName = displayName == null ? "" : displayName.strip();
        driverId = driverId == null ? "" : driverId.strip();
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        environmentTag = environmentTag == null ? EnvironmentTag.PRODUCTION : environmentTag;
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A new, non-demo profile with a fresh id. */
    public static ConnectionProfile create(String displayName, String driverId, String baseUrl, EnvironmentTag tag) {
        return new ConnectionProfile(newId(), displayName, driverId, baseUrl, tag, false, Map.of());
    }

    /** The "Sandbox (local demo)" connection created on first start. */
    public static ConnectionProfile sandboxDemo() {
        return new ConnectionProfile(newId(), SANDBOX_NAME, SANDBOX_DRIVER, SANDBOX_BASE_URL,
                EnvironmentTag.DEVELOPMENT, true, Map.of());
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    public ConnectionProfile withDisplayName(String name) {
        return new ConnectionProfile(id, name, driverId, baseUrl, environmentTag, demo, options);
    }

    public ConnectionProfile withBaseUrl(String url) {
        return new ConnectionProfile(id, displayName, driverId, url, environmentTag, demo, options);
    }

    public ConnectionProfile withEnvironmentTag(EnvironmentTag tag) {
        return new ConnectionProfile(id, displayName, driverId, baseUrl, tag, demo, options);
    }

    public ConnectionProfile withOptions(Map<String, String> newOptions) {
        return new ConnectionProfile(id, displayName, driverId, baseUrl, environmentTag, demo, newOptions);
    }

    /**
     * What the connection form must show before this profile can be saved; empty when it is fine.
     *
     * @param others         the other saved profiles (this one, by id, is ignored), for the unique-name rule
     * @param knownDriverIds ids of the installed gateway drivers
     */
    public List<ProfileProblem> problems(Collection<ConnectionProfile> others, Set<String> knownDriverIds) {
        List<ProfileProblem> problems = new ArrayList<>();
        if (displayName.isEmpty()) {
            problems.add(new ProfileProblem(ProfileProblem.Field.DISPLAY_NAME, "Give the connection a name."));
        } else if (displayName.length() > MAX_NAME_LENGTH) {
            problems.add(new ProfileProblem(ProfileProblem.Field.DISPLAY_NAME, "Keep the name to " + MAX_NAME_LENGTH
                    + " characters or fewer (it has " + displayName.length() + ")."));
        } else if (others.stream().anyMatch(o -> !o.id().equals(id) && sameName(o.displayName(), displayName))) {
            problems.add(new ProfileProblem(ProfileProblem.Field.DISPLAY_NAME,
                    "Another connection is already called \"" + displayName + "\"; choose a different name."));
        }
        if (driverId.isEmpty()) {
            problems.add(new ProfileProblem(ProfileProblem.Field.DRIVER, "Choose the kind of gateway."));
        } else if (!knownDriverIds.contains(driverId)) {
            problems.add(new ProfileProblem(ProfileProblem.Field.DRIVER, "KeyDeck has no driver called \"" + driverId
                    + "\"; choose one of " + String.join(", ", knownDriverIds.stream().sorted().toList()) + "."));
        }
        if (!(demo && SANDBOX_BASE_URL.equals(baseUrl))) {
            BaseUrlPolicy.problem(baseUrl).ifPresent(p -> problems.add(new ProfileProblem(ProfileProblem.Field.BASE_URL, p)));
        }
        deadlineProblem().ifPresent(p -> problems.add(new ProfileProblem(ProfileProblem.Field.DEADLINE, p)));
        return problems;
    }

    /** Why the deadline option cannot be used; empty when it is absent or a whole number of seconds in range. */
    private java.util.Optional<String> deadlineProblem() {
        String value = options == null ? null : options.get(DEADLINE_OPTION);
        if (value == null) {
            return java.util.Optional.empty();
        }
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds >= 1 && seconds <= MAX_DEADLINE_SECONDS) {
                return java.util.Optional.empty();
            }
        } catch (NumberFormatException notANumber) {
            // named below
        }
        return java.util.Optional.of("The deadline must be a whole number of seconds from 1 to " + MAX_DEADLINE_SECONDS
                + ", was \"" + io.keydeck.model.VisibleText.escape(value, 40) + "\".");
    }

    private static boolean sameName(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
