package io.keydeck.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code keydeck sandbox}: runs the sandbox gateway in the foreground so other tools (curl, the
 * app on another machine's loopback tunnel, scripts) can use it, until the JVM is stopped.
 */
public final class SandboxCommand {
    static final String USAGE = """
            Usage: keydeck sandbox [--port N] [--keys N] [--seed S] [--auth-events N] [--faults SPEC] [--no-traffic]

              --port N         port on 127.0.0.1 (default: a free one)
              --keys N         demo keys to seed (default 48)
              --seed S         seed for the demo data (default 42)
              --auth-events N  seeded auth failures (default 400)
              --faults SPEC    e.g. latency=200ms,fail=3:503,fail=2:429:5s,html=1,malformed=1,drop=1
              --no-traffic     do not simulate client traffic
              --help           show this help
            """;

    private SandboxCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Parses {@code args}, runs the sandbox until the JVM stops; 2 for bad arguments, 1 if it cannot start. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        SandboxOptions options;
        try {
            options = parse(args);
        } catch (HelpRequested e) {
            out.print(USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("keydeck sandbox: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        SandboxGateway gateway;
        try {
            gateway = SandboxGateway.start(options);
        } catch (IOException e) {
            err.println("keydeck sandbox: could not listen on 127.0.0.1:" + options.port() + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        out.println("KeyDeck sandbox gateway (MultiRoute-compatible) is running.");
        out.println("  Base URL:    " + gateway.baseUrl());
        out.println("  Admin token: " + gateway.adminToken());
        out.println("  Keys: " + gateway.keyCount() + ", seed " + options.seed()
                + (options.traffic() ? ", simulated traffic on" : ", no simulated traffic")
                + (options.faults() != null ? ", faults " + options.faults() : ""));
        out.println();
        out.println("Try:");
        out.println("  curl -s -H 'Authorization: Bearer " + gateway.adminToken() + "' '" + gateway.baseUrl()
                + "/v1/api-keys?limit=5'");
        out.println();
        out.println("Press Ctrl+C to stop.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gateway.close();
        }
        return 0;
    }

    /** Signals {@code --help}. */
    private static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }

    static SandboxOptions parse(String[] args) {
        SandboxOptions options = SandboxOptions.defaults();
        int i = 0;
        if (args.length > 0 && args[0].equals("sandbox")) {
            i = 1;
        }
        for (; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> throw new HelpRequested();
                case "--no-traffic" -> options = options.withTraffic(false);
                case "--port", "--keys", "--seed", "--auth-events", "--faults" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    options = apply(options, arg, value);
                }
                default -> throw new IllegalArgumentException("unknown option \"" + arg + "\"");
            }
        }
        return options;
    }

    private static SandboxOptions apply(SandboxOptions options, String name, String value) {
        return switch (name) {
            case "--port" -> options.withPort(number(name, value, 0, 65_535));
            case "--keys" -> options.withKeys(number(name, value, 0, 1_000_000));
            case "--auth-events" -> options.withAuthEvents(number(name, value, 0, 5_000_000));
            case "--seed" -> {
                try {
                    yield options.withSeed(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--seed must be a whole number, was \"" + value + "\"");
                }
            }
            default -> {
                FaultInjector.parse(value);
                yield options.withFaults(value);
            }
        };
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max
                + ", was \"" + value + "\"");
    }
}
