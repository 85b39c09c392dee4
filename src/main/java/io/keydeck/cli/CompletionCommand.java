package io.keydeck.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Locale;

/**
 * {@code keydeck completion bash|zsh|fish}: a completion script made from the same command tree the
 * parser uses, so it offers exactly the commands, options and listed values the parser accepts.
 * bash's is picocli's; zsh runs that one through its bash compatibility; fish's is {@link FishCompletion}.
 */
@Command(name = "completion", description = "Print a shell completion script for bash, zsh or fish.",
        footer = {"bash:  source <(keydeck completion bash)        (or save it in ~/.local/share/bash-completion/completions/keydeck)",
                "zsh:   source <(keydeck completion zsh)         (in ~/.zshrc)",
                "fish:  keydeck completion fish > ~/.config/fish/completions/keydeck.fish"})
final class CompletionCommand implements Subcommand {
    /** zsh completes with bash's script once its bash compatibility is loaded. */
    static final String ZSH_PRELUDE = """
            # keydeck completion for zsh: bash's script through zsh's bashcompinit
            autoload -U +X compinit && compinit
            autoload -U +X bashcompinit && bashcompinit
            """;

    @Mixin
    HelpOption help;
    @Parameters(index = "0", paramLabel = "bash|zsh|fish", completionCandidates = Choices.Shell.class,
            description = "the shell to complete for")
    String shell;
    @Spec
    CommandSpec spec;

    @Override
    public int run(CliContext context) throws CliFailure {
        List<String> shells = new Choices.Shell();
        String wanted = shell.strip().toLowerCase(Locale.ROOT);
        if (!shells.contains(wanted)) {
            throw CliFailure.usage("the shell must be " + Choices.sentence(shells) + ", was \"" + Text.printable(shell)
                    + "\".");
        }
        CommandSpec root = spec.root();
        String script = switch (wanted) {
            case "bash" -> AutoComplete.bash("keydeck", root.commandLine());
            case "zsh" -> ZSH_PRELUDE + AutoComplete.bash("keydeck", root.commandLine());
            default -> FishCompletion.script(root);
        };
        context.out().print(script);
        context.out().flush();
        return ExitCode.OK;
    }
}
