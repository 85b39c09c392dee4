package io.keydeck.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * fish's completion script, written from picocli's command model (picocli itself writes only bash's):
 * command words after their group, each command's options with their descriptions, and the listed
 * values of options such as {@code --env live|test}. File names are offered only where an option takes
 * a path.
 */
final class FishCompletion {
    private static final List<String> PATH_LABELS = List.of("FILE", "PATH");

    private FishCompletion() {
    }

    static String script(CommandSpec root) {
        String name = root.name();
        StringBuilder out = new StringBuilder("# keydeck completion for fish: keydeck completion fish > ~/.config/fish/completions/"
                + name + ".fish\n");
        out.append("complete -c ").append(name).append(" -f\n");
        command(out, name, root, List.of());
        return out.toString();
    }

    private static void command(StringBuilder out, String program, CommandSpec spec, List<String> path) {
        String condition = condition(spec, path);
        for (var sub : spec.subcommands().entrySet()) {
            CommandSpec child = sub.getValue().getCommandSpec();
            if (child.usageMessage().hidden() || !child.name().equals(sub.getKey())) {
                continue;
            }
            out.append("complete -c ").append(program).append(" -n ").append(quote(condition))
                    .append(" -a ").append(quote(sub.getKey())).append(" -d ").append(quote(describe(child.usageMessage().description())))
                    .append('\n');
        }
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            out.append("complete -c ").append(program).append(" -n ").append(quote(condition));
            for (String optionName : option.names()) {
                out.append(optionName.startsWith("--") ? " -l " + optionName.substring(2) : " -s " + optionName.substring(1));
            }
            if (option.arity().max() > 0) {
                out.append(PATH_LABELS.contains(option.paramLabel()) ? " -r -F" : " -r");
                values(out, option.completionCandidates());
            }
            out.append(" -d ").append(quote(describe(option.description()))).append('\n');
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (positional.completionCandidates() != null) {
                out.append("complete -c ").append(program).append(" -n ").append(quote(condition));
                values(out, positional.completionCandidates());
                out.append('\n');
            }
        }
        for (var sub : spec.subcommands().entrySet()) {
            CommandSpec child = sub.getValue().getCommandSpec();
            if (!child.usageMessage().hidden() && child.name().equals(sub.getKey())) {
                List<String> childPath = new ArrayList<>(path);
                childPath.add(sub.getKey());
                command(out, program, child, childPath);
            }
        }
    }

    private static void values(StringBuilder out, Iterable<String> candidates) {
        if (candidates == null) {
            return;
        }
        List<String> values = new ArrayList<>();
        candidates.forEach(values::add);
        if (!values.isEmpty()) {
            out.append(" -x -a ").append(quote(String.join(" ", values)));
        }
    }

    /**
     * Where this command's words and options apply: its own words seen, and none of its subcommands'
     * (a group's options and words stop once a command word follows).
     */
    private static String condition(CommandSpec spec, List<String> path) {
        List<String> parts = new ArrayList<>();
        if (path.isEmpty()) {
            parts.add("__fish_use_subcommand");
        }
        for (String word : path) {
            parts.add("__fish_seen_subcommand_from " + word);
        }
        if (!path.isEmpty() && !spec.subcommands().isEmpty()) {
            parts.add("not __fish_seen_subcommand_from " + String.join(" ", spec.subcommands().keySet()));
        }
        return String.join("; and ", parts);
    }

    private static String describe(String[] lines) {
        String text = String.join(" ", lines).replaceAll("\\s+", " ").strip();
        return text.length() > 100 ? text.substring(0, 99) + "…" : text;
    }

    /** A fish single-quoted string: only backslash and the quote itself are special. */
    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
