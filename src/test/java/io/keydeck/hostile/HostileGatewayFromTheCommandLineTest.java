package io.keydeck.hostile;

import io.keydeck.hostile.HostileGateway.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each row of issue 16's table, through the real command line in a child JVM with {@code -Xmx256m}
 * against the {@link HostileGateway}: the proper exit code (never 1, never an OutOfMemoryError),
 * within a time bound, and no raw control character or stack trace on stdout or stderr. The
 * operation deadline is 3 s here (system property) so the suite stays fast; the 60 s default is
 * checked in {@link GatewayBoundsTest}.
 */
class HostileGatewayFromTheCommandLineTest {
    private static final Pattern RAW_CONTROL = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]");
    private static final long DEADLINE_MILLIS = 3000;
    /** Deadline + a JVM start on a busy two-core machine. */
    private static final long BOUND_MILLIS = DEADLINE_MILLIS + 12_000;

    @TempDir
    Path home;

    record Run(int exit, String out, String err, long millis) {
    }

    private Run keydeck(HostileGateway gateway, String heap, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:+UseSerialGC", "-Xshare:auto", "-Duser.home=" + home, "-Dkeydeck.vault=session",
                "-Dkeydeck.deadlineMillis=" + DEADLINE_MILLIS, "-cp", mainClassPath(), "io.keydeck.Launcher"));
        command.addAll(List.of(args));
        command.addAll(List.of("--driver", "multiroute", "--base-url", gateway.baseUrl(), "--token-env", "KD_TOKEN"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve("out").toFile()).redirectError(home.resolve("err").toFile());
        builder.environment().put("KD_TOKEN", "mrk_admin_hostile_test_token");
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        long started = System.nanoTime();
        Process process = builder.start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        assertThat(ended).as("keydeck %s ended", List.of(args)).isTrue();
        Run run = new Run(process.exitValue(), Files.readString(home.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("err"), StandardCharsets.UTF_8), millis);
        assertThat(run.err).as("stderr").doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(RAW_CONTROL.matcher(run.out).find()).as("raw control character on stdout").isFalse();
        assertThat(RAW_CONTROL.matcher(run.err).find()).as("raw control character on stderr: " + run.err).isFalse();
        assertThat(run.millis).as("wall time of keydeck %s", List.of(args)).isLessThan(BOUND_MILLIS);
        return run;
    }

    /** The test JVM's class path without the test classes: the child runs KeyDeck as shipped, with its own logging. */
    private static String mainClassPath() {
        String separator = System.getProperty("path.separator");
        return String.join(separator, java.util.Arrays.stream(System.getProperty("java.class.path").split(separator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/")).toList());
    }

    private Run list(Mode mode, int exit) throws Exception {
        try (HostileGateway gateway = new HostileGateway(mode)) {
            Run run = keydeck(gateway, "-Xmx256m", "keys", "list");
            assertThat(run.exit).as(mode + ": " + run.err).isEqualTo(exit);
            return run;
        }
    }

    @Test
    void aStalledBodyEndsAtTheDeadline() throws Exception {
        assertThat(list(Mode.STALLED_BODY, 4).err).contains("23 bytes of 1000");
    }

    @Test
    void aHugePageIsRefused() throws Exception {
        assertThat(list(Mode.HUGE_PAGE, 4).err).contains("at most 1000 keys");
    }

    @Test
    void anEndlessBodyIsRefusedWithoutRunningOutOfMemory() throws Exception {
        list(Mode.ENDLESS_BODY, 4);
    }

    @Test
    void endlessEmptyPagesStop() throws Exception {
        assertThat(list(Mode.EMPTY_PAGES, 4).err).contains("no new keys");
    }

    @Test
    void aRetryAfterLongerThanTheDeadlineIsNotWaited() throws Exception {
        Run run = list(Mode.RETRY_AFTER, 4);
        assertThat(run.err).contains("rate limited; the gateway asks to wait 60 s");
    }

    @Test
    void slowHeadersEndAtTheDeadlineWithTheRealTime() throws Exception {
        Run run = list(Mode.SLOW_HEADERS, 4);
        assertThat(run.err).doesNotContain("within 30 s");
    }

    @Test
    void escapeSequencesInIdsPrefixesAndNamesAreShownEscaped() throws Exception {
        Run run = list(Mode.CONTROL_TEXT, 0);
        assertThat(run.out).contains("\\x1B]0;pwned\\x07");
    }

    @Test
    void escapeSequencesInAnErrorMessageAreShownEscaped() throws Exception {
        Run run = list(Mode.CONTROL_ERROR, 4);
        assertThat(run.err).contains("Refused\\x1B]0;pwned\\x07");
    }

    @Test
    void c1ControlsAndBidiOverridesAreShownEscaped() throws Exception {
        Run run = list(Mode.C1_BIDI, 0);
        assertThat(run.out).contains("\\x9B2J").contains("\\u202E");
    }

    @Test
    void oneLongNameAmongAHundredThousandKeysKeepsTheTableNarrow() throws Exception {
        Run run = list(Mode.LONG_NAME, 0);
        assertThat(run.out.lines().count()).isEqualTo(100_001);
        assertThat(run.out.lines().mapToInt(String::length).max().orElse(0)).isLessThan(300);
    }

    @Test
    void aCreateWhoseAnswerWasDroppedNamesTheKeyToRevoke() throws Exception {
        try (HostileGateway gateway = new HostileGateway(Mode.DROP_AFTER_CREATE)) {
            Run run = keydeck(gateway, "-Xmx256m", "keys", "create", "--name", "ci-bot");
            assertThat(run.exit).as(run.err).isEqualTo(4);
            assertThat(run.out).isEmpty();
            assertThat(run.err).contains("The gateway created key \"ci-bot\" (mrk_live_…wxyz, id key_lost_1) but its"
                    + " secret was lost in transit — revoke it");
            assertThat(gateway.createdKeys()).as("the replays used the same Idempotency-Key").isEqualTo(1);
            assertThat(Files.readString(home.resolve("data/keydeck/journal.jsonl")))
                    .contains("key_lost_1").contains("unknown: created, secret lost in transit");
        }
    }

    @Test
    void aCreateAnswerWithOneUnreadableFieldStillShowsTheSecret() throws Exception {
        try (HostileGateway gateway = new HostileGateway(Mode.CREATE_BAD_FIELD)) {
            Run run = keydeck(gateway, "-Xmx256m", "keys", "create", "--name", "ci-bot");
            assertThat(run.exit).as(run.err).isEqualTo(0);
            assertThat(run.out.strip()).isEqualTo("mrk_live_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4Zq9X");
            assertThat(run.err).contains("warning").contains("created_at");
        }
    }

    @Test
    void runningOutOfMemoryIsExitFiveWithOneLine() throws Exception {
        try (HostileGateway gateway = new HostileGateway(Mode.LONG_NAME)) {
            Run run = keydeck(gateway, "-Xmx12m", "keys", "list");
            assertThat(run.exit).as(run.err).isEqualTo(5);
            assertThat(run.err).contains("out of memory").contains("keydeck.log");
        }
    }
}
