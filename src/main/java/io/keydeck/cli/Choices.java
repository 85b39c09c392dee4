package io.keydeck.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The values an option takes ({@code --env live|test}), declared as picocli completion candidates so
 * help, completion and the check before a command runs all read the same list.
 */
final class Choices {
    private Choices() {
    }

    /** "live or test", "csv, json or html". */
    static String sentence(List<String> values) {
        if (values.size() == 1) {
            return values.get(0);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }

    abstract static class Of extends ArrayList<String> {
        Of(String... values) {
            super(List.of(values));
        }
    }

    static final class Environment extends Of {
        Environment() {
            super("live", "test");
        }
    }

    static final class Status extends Of {
        Status() {
            super("active", "disabled", "expired", "revoked");
        }
    }

    static final class Reset extends Of {
        Reset() {
            super("daily", "weekly", "monthly", "never");
        }
    }

    static final class Format extends Of {
        Format() {
            super("csv", "json", "html");
        }
    }

    static final class Severity extends Of {
        Severity() {
            super("high", "medium", "low");
        }
    }

    static final class Tag extends Of {
        Tag() {
            super("production", "staging", "development");
        }
    }

    static final class Shell extends Of {
        Shell() {
            super("bash", "zsh", "fish");
        }
    }
}
