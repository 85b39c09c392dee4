package io.keydeck.cli;

import java.io.Console;

/**
 * Asks the person at the terminal: a token without echo, or a confirmation. Prompts go to the
 * terminal, never to stdout, so piped output stays clean. {@link #NONE} stands for "no terminal"
 * (scripts, CI), where commands must be told everything by options instead.
 */
interface Prompter {
    Prompter NONE = new Prompter() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public char[] readSecret(String prompt) {
            return null;
        }

        @Override
        public String readLine(String prompt) {
            return null;
        }
    };

    boolean interactive();

    /** The typed text without echo, or null when there is no terminal or input ended. */
    char[] readSecret(String prompt);

    /** One typed line, or null when there is no terminal or input ended. */
    String readLine(String prompt);

    /** The JVM's console, or {@link #NONE} when stdin or stdout is not a terminal. */
    static Prompter console() {
        Console console = System.console();
        if (console == null) {
            return NONE;
        }
        return new Prompter() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public char[] readSecret(String prompt) {
                return console.readPassword("%s", prompt);
            }

            @Override
            public String readLine(String prompt) {
                return console.readLine("%s", prompt);
            }
        };
    }
}
