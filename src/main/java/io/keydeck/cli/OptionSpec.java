package io.keydeck.cli;

/**
 * One option a command accepts, declared once so the parser and {@code --help} cannot disagree.
 *
 * @param valueName  shown in help ({@code --out FILE}); null makes the option a flag
 * @param repeatable whether it may be given more than once ({@code --scope a --scope b})
 */
record OptionSpec(String name, String valueName, boolean repeatable, String description) {

    static OptionSpec flag(String name, String description) {
        return new OptionSpec(name, null, false, description);
    }

    static OptionSpec value(String name, String valueName, String description) {
        return new OptionSpec(name, valueName, false, description);
    }

    static OptionSpec repeatable(String name, String valueName, String description) {
        return new OptionSpec(name, valueName, true, description);
    }

    boolean takesValue() {
        return valueName != null;
    }

    String synopsis() {
        return takesValue() ? name + " " + valueName : name;
    }
}
