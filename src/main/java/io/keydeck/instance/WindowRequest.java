package io.keydeck.instance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a start of the window asks for: the look ({@code --dark}, {@code --light}), the view to show
 * ({@code --view usage}) and the saved connection to select ({@code --connection NAME}). A start whose
 * arguments are not all of these is not a window start: the command line answers it, so a typo never
 * opens the window by accident. A second start hands its request to the running window.
 *
 * @param view       one of {@link #VIEWS}, or null
 * @param connection a saved connection's name, or null
 * @param theme      "dark", "light" or null
 */
public record WindowRequest(String view, String connection, String theme, boolean smokeTest) {
    /** The views {@code --view} can name, as the user reads them. */
    public static final List<String> VIEWS = List.of("keys", "usage", "auth-log", "review", "journal");
    /** The options a window start takes; any other argument makes it a command. */
    public static final List<String> OPTIONS = List.of("--dark", "--light", "--view", "--connection", "--smoke-test");
    private static final int MAX_VALUE_LENGTH = 200;

    /** The request {@code args} make, or empty when they are not (only) window options. */
    public static Optional<WindowRequest> parse(String[] args) {
        String view = null;
        String connection = null;
        String theme = null;
        boolean smoke = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.startsWith("--") && arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = name.equals(arg) ? null : arg.substring(name.length() + 1);
            switch (name) {
                case "--dark", "--light" -> {
                    if (inline != null) {
                        return Optional.empty();
                    }
                    theme = name.substring(2);
                }
                case "--smoke-test" -> smoke = inline == null;
                case "--view", "--connection" -> {
                    String value = inline != null ? inline : i + 1 < args.length ? args[++i] : null;
                    if (value == null || value.isBlank() || value.length() > MAX_VALUE_LENGTH
                            || value.chars().anyMatch(Character::isISOControl)) {
                        return Optional.empty();
                    }
                    if (name.equals("--view")) {
                        view = value.toLowerCase(Locale.ROOT);
                        if (!VIEWS.contains(view)) {
                            return Optional.empty();
                        }
                    } else {
                        connection = value;
                    }
                }
                default -> {
                    return Optional.empty();
                }
            }
            if (name.equals("--smoke-test") && !smoke) {
                return Optional.empty();
            }
        }
        return Optional.of(new WindowRequest(view, connection, theme, smoke));
    }

    public Optional<String> viewToShow() {
        return Optional.ofNullable(view);
    }

    public Optional<String> connectionToSelect() {
        return Optional.ofNullable(connection);
    }

    /** The request as arguments again, for the running window. */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        if (theme != null) {
            args.add("--" + theme);
        }
        if (view != null) {
            args.add("--view=" + view);
        }
        if (connection != null) {
            args.add("--connection=" + connection);
        }
        return args;
    }
}
