package io.keydeck.packaging;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * packaging/linux/keydeck-start, the Linux menu entry's start, in an app image laid out as jpackage
 * makes it, with a stand-in {@code java} and {@code bin/KeyDeck} that print their arguments: it must
 * hand Java exactly what jpackage's launcher would (the cfg's options with {@code $APPDIR} expanded,
 * class path, main class) and the user's arguments untouched, and fall back to the launcher when the
 * cfg is missing or incomplete. CI runs the real thing from the installed deb.
 */
class KeydeckStartScriptTest {
    private static final Path SCRIPT = Path.of("packaging/linux/keydeck-start");
    private static final String CFG = """
            [Application]
            app.classpath=$APPDIR/keydeck.jar
            app.mainclass=io.keydeck.Launcher

            [JavaOptions]
            java-options=-Djpackage.app-version=0.1.0
            java-options=-XX:SharedArchiveFile=$APPDIR/keydeck.jsa
            java-options=-Xss2m
            """;

    @TempDir
    Path dir;
    private Path image;

    @BeforeEach
    void layOutAnImage() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        image = dir.resolve("keydeck image");
        Files.createDirectories(image.resolve("bin"));
        Files.createDirectories(image.resolve("lib/app"));
        Files.createDirectories(image.resolve("lib/runtime/bin"));
        Files.copy(SCRIPT, image.resolve("bin/keydeck-start"));
        executable(image.resolve("bin/keydeck-start"));
        printer(image.resolve("lib/runtime/bin/java"), "java");
        printer(image.resolve("bin/KeyDeck"), "launcher");
        Files.writeString(image.resolve("lib/app/KeyDeck.cfg"), CFG);
    }

    @Test
    void javaGetsTheCfgsOptionsClassPathAndMainClassThenTheUsersArgumentsAsGiven() throws Exception {
        Path start = image.resolve("bin/keydeck-start");
        String app = image.resolve("lib/app").toString();

        Result result = run(start, "--smoke-test", "two words", "$APPDIR");

        assertThat(result.lines()).containsExactly("java",
                "-Djpackage.app-version=0.1.0", "-XX:SharedArchiveFile=" + app + "/keydeck.jsa", "-Xss2m",
                "-Djpackage.app-path=" + start, "-cp", app + "/keydeck.jar", "io.keydeck.Launcher",
                "--smoke-test", "two words", "$APPDIR");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void startedThroughALinkItStillFindsItsImage() throws Exception {
        Path link = dir.resolve("keydeck");
        Files.createSymbolicLink(link, image.resolve("bin/keydeck-start"));

        Result result = run(link);

        assertThat(result.lines()).first().isEqualTo("java");
        assertThat(result.lines()).contains("-cp", image.toRealPath().resolve("lib/app/keydeck.jar").toString());
    }

    @Test
    void withoutTheCfgTheLauncherStartsWithTheUsersArguments() throws Exception {
        Files.delete(image.resolve("lib/app/KeyDeck.cfg"));

        Result result = run(image.resolve("bin/keydeck-start"), "--dark", "two words");

        assertThat(result.lines()).containsExactly("launcher", "--dark", "two words");
    }

    @Test
    void aCfgWithoutMainClassSaysSoAndTheLauncherStarts() throws Exception {
        Files.writeString(image.resolve("lib/app/KeyDeck.cfg"), "[Application]\napp.classpath=$APPDIR/keydeck.jar\n");

        Result result = run(image.resolve("bin/keydeck-start"), "--light");

        assertThat(result.lines()).containsExactly("launcher", "--light");
        assertThat(result.errors()).contains("names no main class or class path");
    }

    private record Result(List<String> lines, String errors, int exitCode) {
    }

    private Result run(Path script, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the script ends").isTrue();
        return new Result(out.lines().toList(), Files.readString(dir.resolve("stderr")), process.exitValue());
    }

    /** A stand-in that prints its name, then each argument on its own line. */
    private static void printer(Path file, String name) throws IOException {
        Files.writeString(file, "#!/bin/sh\necho " + name + "\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        executable(file);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
