package io.keydeck.cli;

import io.keydeck.sandbox.SandboxCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The headless entry point: {@code keydeck <command> …}. Runs without starting JavaFX, over the same
 * gateway drivers, settings, keychain and journal as the window. Only this package (and the sandbox's
 * own command) writes to standard streams: results on stdout, every message on stderr.
 *
 * <p>picocli parses the arguments against the annotated commands and writes their help and shell
 * completion from the same declarations; this class turns its parse errors into one line in KeyDeck's
 * words and exit 2, and every other outcome into an exit code README names.
 */
public final class KeyDeckCli {
    /** The window's own options (see io.keydeck.instance.WindowRequest); a command never takes them. */
    private static final List<String> WINDOW_OPTIONS = List.of("--dark", "--light", "--view", "--connection",
            "--smoke-test");
    /** Wide enough for the help texts' own line breaks, so picocli does not wrap them a second time. */
    private static final int HELP_WIDTH = 110;
    private static final List<String> TOKEN_OPTIONS = List.of("--token", "--admin-token", "--api-key");

    @Command(name = "keydeck",
            description = {"Manage the API keys of LLM gateways. With no command, start the KeyDeck window or bring"
                    + " the open one to the front; its options: --dark, --light, --view"
                    + " keys|usage|auth-log|review|journal, --connection NAME."},
            synopsisSubcommandLabel = "COMMAND",
            footer = {"", "Gateway commands take --connection NAME, or --driver ID --base-url URL --token-env VAR.",
                    "Run 'keydeck COMMAND --help' for details."})
    static final class Root {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
        @Option(names = {"-V", "--version"}, versionHelp = true, description = "print KeyDeck's version")
        boolean version;
    }

    private KeyDeckCli() {
    }

    /** KeyDeck's version, as built. */
    static String version() {
        try (java.io.InputStream in = KeyDeckCli.class.getResourceAsStream("version.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? "unknown (not built by Maven)" : version;
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /**
     * Makes a crash in any thread (the logging set-up thread included, which starts before {@link #run})
     * end the process with exit 5 and one line. Call it before any other thread starts.
     */
    public static void installCrashHandling() {
        Crash.install();
    }

    /**
     * The process entry: whatever goes wrong ends with an exit code README names — an unexpected
     * throwable, {@link OutOfMemoryError} and {@link StackOverflowError} included, in any thread, is
     * exit 5 with one line naming the log file, never a stack trace and never 1 (the findings code).
     */
    public static int run(String[] args) {
        Crash.install();
        try {
            return run(args, CliContext.system(System.out, System.err));
        } catch (Throwable t) {
            return Crash.report(t, "keydeck");
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, CliContext.system(out, err));
    }

    /** The commands under {@code keydeck}, in the order its help lists them (groups: {@link CommandGroups#COMMANDS}). */
    private static final List<Class<?>> COMMANDS = List.of(CommandGroups.Keys.class, CommandGroups.Connections.class,
            ReportCommand.class, CommandGroups.Journal.class, CommandGroups.Sandbox.class, CompletionCommand.class,
            CommandGroups.Help.class);

    /** Commands that read the whole tree they are part of: help walks it, completion writes it out. */
    private static final java.util.Set<Class<?>> WHOLE_TREE = java.util.Set.of(CommandGroups.Help.class,
            CompletionCommand.class);

    /** The whole command tree, as picocli sees it: fresh command objects for each run. */
    static CommandLine commandLine() {
        return commandLine(List.of());
    }

    /**
     * The tree as far as {@code args} needs it: when they start with the exact words of a command
     * ({@code keys list}), only that command under its group and the root; otherwise, from the first word
     * that is not a command's, the whole tree below, so help, "did you mean" and every error read as with
     * the whole tree. picocli reads every command class it is given, so a run that builds only its own
     * starts ~60 ms sooner.
     */
    static CommandLine commandLine(List<String> args) {
        CommandLine root = new CommandLine(new Root());
        addCommands(root, COMMANDS, args);
        root.setExpandAtFiles(false); // an @file argument is a file name, never more arguments read from disk
        root.setCaseInsensitiveEnumValuesAllowed(true);
        root.getCommandSpec().version("keydeck " + version());
        root.setUsageHelpWidth(HELP_WIDTH);
        root.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, CommandList::render);
        completeHelp(root);
        return root;
    }

    /**
     * Headings over the option and command lists, and at the end of every command's help what its exit
     * codes mean (groups say where to look instead).
     */
    private static void addCommands(CommandLine parent, List<Class<?>> commands, List<String> args) {
        String word = args.isEmpty() ? null : args.get(0);
        boolean named = commands.stream().anyMatch(c -> name(c).equals(word) && !WHOLE_TREE.contains(c));
        for (Class<?> command : commands) {
            if (named && !name(command).equals(word)) {
                continue;
            }
            CommandLine child = new CommandLine(command);
            List<Class<?>> grouped = CommandGroups.COMMANDS.get(command);
            if (grouped != null) {
                addCommands(child, grouped, named ? args.subList(1, args.size()) : List.of());
            }
            parent.addSubcommand(child);
        }
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    private static void completeHelp(CommandLine command) {
        command.getCommandSpec().usageMessage().optionListHeading("%nOptions:%n").commandListHeading("%nCommands:%n")
                .footerHeading("%n");
        if (command.getSubcommands().isEmpty() || command.getParent() == null) {
            List<String> footer = new ArrayList<>(Arrays.asList(command.getCommandSpec().usageMessage().footer()));
            footer.add("");
            footer.add(ExitCode.HELP);
            command.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
        }
        command.getSubcommands().values().stream().filter(sub -> sub.getParent() == command)
                .distinct().forEach(KeyDeckCli::completeHelp);
    }

    static int run(String[] args, CliContext context) {
        try {
            if (args.length > 0 && args[0].equals("sandbox")) {
                return SandboxCommand.run(Arrays.copyOfRange(args, 1, args.length), context.out(), context.err());
            }
            return parseAndRun(args, context);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    private static int parseAndRun(String[] args, CliContext context) {
        return parseAndRun(args, context, commandLine(Arrays.asList(args)));
    }

    /** {@code root}: the tree to parse with, {@link #commandLine(List)}'s or (to compare, in tests) the whole. */
    static int parseAndRun(String[] args, CliContext context, CommandLine root) {
        String name = commandName(root, args);
        ParseResult parsed;
        try {
            rejectTokenArguments(args);
            parsed = root.parseArgs(args);
        } catch (CliFailure failure) {
            return failed(name, failure, context);
        } catch (ParameterException e) {
            return parseError(args, e, context);
        }
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        CommandLine command = leaf.commandSpec().commandLine();
        Object userObject = command.getCommand();
        if (args.length == 0 || userObject instanceof Root && !parsed.isVersionHelpRequested()
                || anyHelpRequested(parsed)) {
            command.usage(context.out());
            return ExitCode.OK;
        }
        if (parsed.isVersionHelpRequested()) {
            context.out().println(root.getCommandSpec().version()[0]);
            return ExitCode.OK;
        }
        if (userObject instanceof CommandGroups.Help help) {
            return help(root, help.words, context);
        }
        if (!(userObject instanceof Subcommand subcommand)) {
            command.usage(context.err()); // a group without its command word
            return ExitCode.USAGE;
        }
        try {
            checkChoices(leaf);
            return subcommand.run(context);
        } catch (CliFailure failure) {
            return failed(name, failure, context);
        } catch (Throwable e) {
            return Crash.report(e, name, context.err());
        }
    }

    private static boolean anyHelpRequested(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.isUsageHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    /** {@code keydeck help keys list} is {@code keydeck keys list --help}; unknown words are usage errors. */
    private static int help(CommandLine root, List<String> words, CliContext context) {
        CommandLine command = root;
        for (String word : words) {
            CommandLine next = command.getSubcommands().get(word);
            if (next == null) {
                context.err().println(qualified(command) + ": there is no command '" + Text.printable(word) + "'"
                        + orStop(Suggestion.didYouMean(word, command.getSubcommands().keySet())));
                context.err().println("Run 'keydeck --help' for the commands.");
                return ExitCode.USAGE;
            }
            command = next;
        }
        command.usage(context.out());
        return ExitCode.OK;
    }

    /** "keydeck keys list": the command words at the start of {@code args}, for messages before parsing. */
    private static String commandName(CommandLine root, String[] args) {
        CommandLine command = root;
        for (String arg : args) {
            CommandLine next = command.getSubcommands().get(arg);
            if (next == null) {
                break;
            }
            command = next;
        }
        return qualified(command);
    }

    private static String qualified(CommandLine command) {
        return command.getCommandSpec().qualifiedName();
    }

    private static int failed(String name, CliFailure failure, CliContext context) {
        context.err().println(name + ": " + failure.getMessage());
        if (failure.exitCode() == ExitCode.USAGE) {
            context.err().println("Run '" + name + " --help' for usage.");
        }
        return failure.exitCode();
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

    /**
     * A picocli parse error as one sentence in KeyDeck's words (the nearest known word when there is
     * one), then where to read more; exit 2. Values are never repeated except an unexpected operand.
     */
    private static int parseError(String[] args, ParameterException e, CliContext context) {
        CommandLine where = e.getCommandLine();
        if (where.getParent() == null) {
            return notACommand(args, where, context);
        }
        String name = qualified(where);
        boolean group = !(where.getCommand() instanceof Subcommand);
        String message;
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().get(0);
            String shown = Text.printable(word.split("=", 2)[0]);
            if (word.startsWith("-") && word.length() > 1) {
                message = "unknown option " + shown + " for '" + name + "'"
                        + orStop(Suggestion.didYouMean(shown, optionNames(where.getCommandSpec())));
            } else if (group) {
                message = "unknown subcommand \"" + Text.printable(word) + "\""
                        + orStop(Suggestion.didYouMean(word, where.getSubcommands().keySet()));
            } else {
                message = "unexpected argument \"" + Text.printable(word) + "\" for '" + name + "'.";
            }
        } else if (e instanceof CommandLine.OverwrittenOptionException overwritten) {
            message = optionName(overwritten.getOverwritten()) + " was given more than once.";
        } else if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            message = missing(name, missing.getMissing().get(0), args);
        } else {
            message = Text.printable(e.getMessage());
        }
        context.err().println(name + ": " + message);
        if (group) {
            where.usage(context.err());
        } else {
            context.err().println("Run '" + name + " --help' for usage.");
        }
        return ExitCode.USAGE;
    }

    private static String missing(String name, ArgSpec arg, String[] args) {
        if (arg instanceof OptionSpec option) {
            String optionName = option.longestName();
            boolean given = Arrays.stream(args).anyMatch(a -> a.split("=", 2)[0].equals(optionName));
            return given ? optionName + " needs a value (" + optionName + " " + option.paramLabel() + ")."
                    : optionName + " is required.";
        }
        return "'" + name + "' needs " + arg.paramLabel() + ".";
    }

    private static String optionName(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    private static List<String> optionNames(CommandSpec spec) {
        return spec.options().stream().map(OptionSpec::longestName).toList();
    }

    /**
     * An option whose values are listed for completion ({@code --env live|test}) takes only those: any
     * other value is a usage error naming them, checked before the command runs.
     */
    private static void checkChoices(ParseResult leaf) throws CliFailure {
        for (OptionSpec option : leaf.matchedOptions()) {
            Iterable<String> candidates = option.completionCandidates();
            if (candidates == null || option.type().isEnum() || !(option.getValue() instanceof String value)) {
                continue;
            }
            List<String> allowed = new ArrayList<>();
            candidates.forEach(allowed::add);
            if (!allowed.isEmpty() && !allowed.contains(value.strip().toLowerCase(Locale.ROOT))) {
                throw CliFailure.usage(option.longestName() + " must be " + Choices.sentence(allowed) + ", was \""
                        + Text.printable(value) + "\".");
            }
        }
    }

    /**
     * What the Launcher hands over when the arguments are neither a command nor only window options:
     * one line naming the first word it does not know (with the closest one it does), exit 2. The
     * window is never started for these.
     */
    private static int notACommand(String[] args, CommandLine root, CliContext context) {
        List<String> commandWords = new ArrayList<>(root.getSubcommands().keySet());
        int first = 0;
        while (first < args.length && isWindowOption(args[first])) {
            String name = args[first].split("=", 2)[0];
            first += (name.equals("--view") || name.equals("--connection")) && !args[first].contains("=") ? 2 : 1;
        }
        if (first >= args.length) {
            // only window options, but one had a bad or missing value
            context.err().println("keydeck: --view takes one of keys, usage, auth-log, review, journal, and --connection"
                    + " a saved connection's name.");
        } else {
            String word = args[first];
            String shown = Text.printable(word.split("=", 2)[0]);
            if (commandWords.contains(word)) {
                context.err().println("keydeck: " + Text.printable(args[0].split("=", 2)[0])
                        + " is an option of the window; 'keydeck " + word + "' does not take it.");
            } else if (word.startsWith("-")) {
                List<String> options = new ArrayList<>(optionNames(root.getCommandSpec()));
                options.addAll(WINDOW_OPTIONS);
                context.err().println("keydeck: unknown option '" + shown + "'" + orStop(Suggestion.didYouMean(shown, options)));
            } else {
                context.err().println("keydeck: unknown command '" + shown + "'"
                        + orStop(Suggestion.didYouMean(word, commandWords)));
            }
        }
        context.err().println("Run 'keydeck --help' for the commands and the window's options.");
        return ExitCode.USAGE;
    }

    private static String orStop(String hint) {
        return hint.isEmpty() ? "." : hint;
    }

    private static boolean isWindowOption(String arg) {
        return WINDOW_OPTIONS.contains(arg.split("=", 2)[0]);
    }

    /** The top-level command list: each group with its command words ({@code keys list|create|revoke}). */
    private static final class CommandList {
        private static final int LABEL_WIDTH = 22;

        static String render(CommandLine.Help help) {
            StringBuilder out = new StringBuilder();
            for (var entry : help.subcommands().entrySet()) {
                CommandSpec spec = entry.getValue().commandSpec();
                if (spec.usageMessage().hidden()) {
                    continue;
                }
                String words = spec.subcommands().keySet().stream().collect(Collectors.joining("|"));
                String label = entry.getKey() + (words.isEmpty() ? "" : " " + words);
                String description = String.join(" ", spec.usageMessage().description());
                out.append("  ").append(label);
                if (label.length() + 2 >= LABEL_WIDTH) {
                    out.append('\n').append(" ".repeat(LABEL_WIDTH));
                } else {
                    out.append(" ".repeat(LABEL_WIDTH - label.length() - 2));
                }
                out.append(description).append('\n');
            }
            return out.toString();
        }
    }
}
