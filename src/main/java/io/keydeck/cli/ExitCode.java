package io.keydeck.cli;

/** The exit codes every {@code keydeck} command uses, so scripts can tell failures apart. */
final class ExitCode {
    static final int OK = 0;
    /** {@code report}: a finding at or above {@code --fail-on}; {@code journal verify}: the chain is broken. */
    static final int FINDINGS = 1;
    static final int USAGE = 2;
    static final int AUTH = 3;
    static final int GATEWAY = 4;
    /** Settings, keychain, journal or output file could not be read or written. */
    static final int LOCAL = 5;

    static final String HELP = """
            Exit codes: 0 ok; 1 report findings at or above --fail-on, or a broken journal;
              2 usage error; 3 authentication or permission refused; 4 network or gateway error;
              5 local error (settings, keychain, journal or output file, or an unexpected fault).
            """;

    private ExitCode() {
    }
}
