package io.keydeck.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command's words, operands and options, declared once: {@link #parse} checks arguments against it
 * and {@link #help()} prints it, so the help can never describe an option the parser refuses.
 *
 * @param path     the command words after {@code keydeck}, e.g. {@code keys revoke}
 * @param operands how operands are shown in help, e.g. {@code KEY_ID}; empty when there are none
 * @param details  extra help text after the options (may be empty)
 */
record CommandSpec(String path, String summary, String operands, int minOperands, int maxOperands,
                   List<OptionSpec> options, String details) {
    private static final OptionSpec HELP = OptionSpec.flag("--help", "show this help");
    private static final List<String> TOKEN_OPTIONS = List.of("--token", "--admin-token", "--api-key");

    CommandSpec {
        options = List.copyOf(options);
        details = details == null ? "" : details;
    }

    static boolean wantsHelp(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    /**
     * Refuses a token given as an argument before anything else looks at the arguments; the message
     * says why and never repeats the value.
     */
    static void rejectTokenArguments(String[] args) throws CliFailure {
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (TOKEN_OPTIONS.contains(name)) {
                throw CliFailure.usage(name + " is not accepted: a token on the command line is visible to other"
                        + " users (ps, /proc) and kept in shell history. Put it in an environment variable and pass"
                        + " --token-env VAR, or save it once in the OS keychain with 'keydeck connections add'.");
            }
        }
    }

    ParsedArgs parse(String[] args) throws CliFailure {
        rejectTokenArguments(args);
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> operandValues = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || arg.equals("-")) {
                operandValues.add(arg);
                continue;
            }
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            OptionSpec option = option(name).orElseThrow(() -> CliFailure.usage("unknown option " + arg.split("=", 2)[0]
                    + " for 'keydeck " + path + "'" + suggestion(arg.split("=", 2)[0])));
            String value = null;
            if (option.takesValue()) {
                if (inline != null) {
                    value = inline;
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    throw CliFailure.usage(name + " needs a value (" + option.synopsis() + ").");
                }
            } else if (inline != null) {
                throw CliFailure.usage(name + " takes no value.");
            }
            List<String> list = values.computeIfAbsent(name, n -> new ArrayList<>());
            if (!list.isEmpty() && !option.repeatable()) {
                throw CliFailure.usage(name + " was given more than once.");
            }
            if (value != null) {
                list.add(value);
            }
        }
        if (operandValues.size() < minOperands) {
            throw CliFailure.usage("'keydeck " + path + "' needs " + operands + ".");
        }
        if (operandValues.size() > maxOperands) {
            throw CliFailure.usage("unexpected argument \"" + operandValues.get(maxOperands) + "\" for 'keydeck " + path + "'.");
        }
        return new ParsedArgs(this, values, operandValues);
    }

    private String suggestion(String typed) {
        List<String> names = new ArrayList<>(options.stream().map(OptionSpec::name).toList());
        names.add(HELP.name());
        String hint = Suggestion.didYouMean(typed, names);
        return hint.isEmpty() ? "." : hint;
    }

    private Optional<OptionSpec> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    String help() {
        StringBuilder help = new StringBuilder("Usage: keydeck ").append(path);
        if (!operands.isEmpty()) {
            help.append(' ').append(operands);
        }
        help.append(" [options]\n\n").append(summary).append("\n\nOptions:\n");
        List<OptionSpec> all = new ArrayList<>(options);
        all.add(HELP);
        int width = all.stream().mapToInt(o -> o.synopsis().length()).max().orElse(0) + 2;
        for (OptionSpec option : all) {
            help.append("  ").append(String.format("%-" + width + "s", option.synopsis()))
                    .append(option.description()).append(option.repeatable() ? " (repeatable)" : "").append('\n');
        }
        if (!details.isEmpty()) {
            help.append('\n').append(details.strip()).append('\n');
        }
        return help.append('\n').append(ExitCode.HELP).toString();
    }
}
