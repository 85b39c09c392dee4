package io.keydeck.cli;

import io.keydeck.gateway.GatewayException;
import io.keydeck.session.AdminActions;

/**
 * Why a command stopped, with the exit code scripts see and one sentence for stderr. Thrown
 * instead of printing, so every command reports errors the same way and never with a stack trace.
 */
final class CliFailure extends Exception {
    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static CliFailure usage(String message) {
        return new CliFailure(ExitCode.USAGE, message);
    }

    static CliFailure local(String message) {
        return new CliFailure(ExitCode.LOCAL, message);
    }

    /** Authentication and permission problems are 3, a refused URL is a usage error, an unwritable journal 5, the rest 4. */
    static CliFailure of(GatewayException e) {
        if (e instanceof AdminActions.JournalUnwritableException) {
            return local(Text.printable(e.getMessage())); // a local problem: nothing was sent
        }
        int code = switch (e.kind()) {
            case UNAUTHENTICATED, FORBIDDEN -> ExitCode.AUTH;
            case POLICY -> ExitCode.USAGE;
            default -> ExitCode.GATEWAY;
        };
        return new CliFailure(code, Text.printable(e.describe()));
    }

    int exitCode() {
        return exitCode;
    }
}
