package io.keydeck.cli;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayLimits;
import io.keydeck.session.GatewayOpener;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.vault.TokenVault;
import io.keydeck.vault.VaultException;
import io.keydeck.vault.VaultSelection;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.Optional;

/**
 * The gateway a command works on: a saved connection ({@code --connection NAME}, token from the OS
 * keychain) or an ad-hoc one for scripts and CI ({@code --driver ID --base-url URL}). Either way the
 * admin token comes from the keychain or {@code --token-env VAR}, never from an argument.
 */
final class GatewayConnection implements AutoCloseable {
    /** The options every gateway command takes, as a picocli mixin. */
    static final class Options {
        @Option(names = "--connection", paramLabel = "NAME", order = 100,
                description = "a saved connection (see 'keydeck connections list')")
        String connection;
        @Option(names = "--driver", paramLabel = "ID", order = 101,
                description = "ad-hoc gateway: its driver, e.g. multiroute, openrouter, openai")
        String driver;
        @Option(names = "--base-url", paramLabel = "URL", order = 102,
                description = "ad-hoc gateway: its base URL (https://, or http:// to this computer)")
        String baseUrl;
        @Option(names = "--token-env", paramLabel = "VAR", order = 103,
                description = "read the admin token from environment variable VAR (default for --connection: the OS"
                        + " keychain)")
        String tokenEnv;
        @Option(names = "--deadline", paramLabel = "SECONDS", order = 104,
                description = "give up on one gateway operation after SECONDS, retries included (default: the saved"
                        + " connection's own, else the window's preferences, else 60)")
        String deadline;
    }

    static final String HELP = """
            Gateway: --connection NAME for a saved connection, or --driver ID --base-url URL --token-env VAR
            for any other. Admin tokens are never accepted as arguments (other users can see those).
            """;

    private final String label;
    private final boolean production;
    private final GatewayClient client;

    private GatewayConnection(String label, boolean production, GatewayClient client) {
        this.label = label;
        this.production = production;
        this.client = client;
    }

    /** True for a saved connection tagged production; an ad-hoc gateway has no tag. */
    boolean production() {
        return production;
    }

    /** What the journal and messages call this gateway: the saved name, or the ad-hoc base URL. */
    String label() {
        return label;
    }

    GatewayClient client() {
        return client;
    }

    static GatewayConnection open(Options args, CliContext context) throws CliFailure {
        Optional<String> name = Optional.ofNullable(args.connection);
        boolean adHoc = args.driver != null || args.baseUrl != null;
        if (name.isPresent() && adHoc) {
            throw CliFailure.usage("use either --connection NAME or --driver ID --base-url URL, not both.");
        }
        if (name.isEmpty() && !adHoc) {
            throw CliFailure.usage("say which gateway: --connection NAME (a saved connection) or --driver ID"
                    + " --base-url URL --token-env VAR.");
        }
        GatewayOpener opener = new GatewayOpener(context.drivers());
        if (name.isPresent()) {
            io.keydeck.settings.Settings settings = SavedConnections.load(context);
            ConnectionProfile profile = SavedConnections.find(settings, name.get());
            if (GatewayOpener.isEmbeddedSandbox(profile)) {
                throw SavedConnections.demoNotReachable(profile);
            }
            int preferred = settings.preferences().gatewayDeadlineSeconds();
            GatewayOpener.Endpoint endpoint = endpoint(opener, profile.driverId(), profile.baseUrl(),
                    withDeadline(args, GatewayOpener.withDefaultDeadline(profile.options(), preferred)));
            char[] token = args.tokenEnv != null
                    ? tokenFromEnvironment(context, args.tokenEnv)
                    : tokenFromVault(context, profile);
            return connect(context, profile.displayName(), profile.environmentTag() == EnvironmentTag.PRODUCTION,
                    endpoint, token);
        }
        GatewayOpener.Endpoint endpoint = endpoint(opener, required(args.driver, "--driver"),
                required(args.baseUrl, "--base-url"), withDeadline(args, Map.of()));
        String variable = Optional.ofNullable(args.tokenEnv).orElseThrow(() -> CliFailure.usage("an ad-hoc gateway"
                + " needs --token-env VAR naming the environment variable that holds its admin token."));
        return connect(context, endpoint.baseUrl().toString(), false, endpoint, tokenFromEnvironment(context, variable));
    }

    /** The opener's checks, as usage errors: an unknown driver lists the installed ones, a bad URL says why. */
    private static GatewayOpener.Endpoint endpoint(GatewayOpener opener, String driverId, String baseUrl,
                                                   Map<String, String> options) throws CliFailure {
        try {
            return opener.endpoint(driverId, baseUrl, options);
        } catch (GatewayException e) {
            String problem = Text.printable(e.getMessage());
            throw CliFailure.usage("bad_base_url".equals(e.code())
                    ? "--base-url " + Text.printable(baseUrl) + ": " + problem : problem);
        }
    }

    /** {@code --deadline SECONDS} wins over a saved connection's own deadline. */
    /** A value the parser may leave out but this use needs, as the same sentence a required option gets. */
    static String required(String value, String option) throws CliFailure {
        if (value == null) {
            throw CliFailure.usage(option + " is required.");
        }
        return value;
    }

    private static Map<String, String> withDeadline(Options args, Map<String, String> options) throws CliFailure {
        Optional<String> deadline = Optional.ofNullable(args.deadline);
        if (deadline.isEmpty()) {
            return options;
        }
        try {
            int seconds = Integer.parseInt(deadline.get().strip());
            if (seconds < 1 || seconds > 3600) {
                throw new NumberFormatException();
            }
            Map<String, String> all = new java.util.HashMap<>(options);
            all.put(GatewayLimits.DEADLINE_OPTION, Integer.toString(seconds));
            return all;
        } catch (NumberFormatException e) {
            throw CliFailure.usage("--deadline must be a number of seconds from 1 to 3600, was \""
                    + Text.printable(deadline.get()) + "\".");
        }
    }

    private static GatewayConnection connect(CliContext context, String label, boolean production,
                                             GatewayOpener.Endpoint endpoint, char[] token) throws CliFailure {
        try {
            GatewayClient client = GatewayOpener.connect(endpoint, token,
                    (wait, reason) -> context.err().println("keydeck: " + reason));
            // a part the gateway left out (spend unknown: its costs report failed) is said, the rest still printed
            client.reportPartialAnswersTo(answer -> {
                if (!answer.isComplete()) {
                    context.err().println("keydeck: warning: " + Text.printable(answer.problem()));
                }
            });
            return new GatewayConnection(label, production, client);
        } catch (GatewayException e) {
            throw CliFailure.of(e);
        }
    }

    static char[] tokenFromEnvironment(CliContext context, String variable) throws CliFailure {
        String value = context.env().apply(variable);
        if (value == null) {
            throw CliFailure.usage("environment variable " + Text.printable(variable) + " (named by --token-env) is not set.");
        }
        if (value.isBlank()) {
            throw CliFailure.usage("environment variable " + Text.printable(variable) + " (named by --token-env) is empty.");
        }
        return value.strip().toCharArray();
    }

    private static char[] tokenFromVault(CliContext context, ConnectionProfile profile) throws CliFailure {
        VaultSelection selection = context.vault().get();
        try (TokenVault vault = selection.vault()) {
            return GatewayOpener.savedToken(vault, profile, v -> {
                throw new CliFailure(ExitCode.AUTH, "no admin token for \"" + profile.displayName()
                        + "\" is kept in the " + v.description() + selection.notice().map(n -> " (" + n + ")").orElse("")
                        + ". Pass --token-env VAR, or store it again with 'keydeck connections add'.");
            });
        } catch (VaultException e) {
            throw CliFailure.local(e.getMessage());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
