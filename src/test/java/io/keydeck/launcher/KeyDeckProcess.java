package io.keydeck.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code io.keydeck.Launcher} as a real process, as a user's shell would: its own JVM on the
 * main class path, a temporary home and XDG directories, no display unless one is given.
 */
final class KeyDeckProcess {
    record Run(int exit, String out, String err) {
        String firstErrLine() {
            return err.lines().findFirst().orElse("");
        }

        String firstOutLine() {
            return out.lines().findFirst().orElse("");
        }
    }

    private final Path home;

    KeyDeckProcess(Path home) {
        this.home = home;
    }

    Path runtimeDir() {
        return home.resolve("run");
    }

    /** Runs {@code args} with {@code env} added (a null value removes the variable); waits up to 60 s. */
    Run run(Map<String, String> env, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Xshare:auto", "-Duser.home=" + home, "-Dkeydeck.vault=session"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", mainClassPath(), "io.keydeck.Launcher"));
        command.addAll(Arrays.asList(args));
        String name = "run-" + System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve(name + ".out").toFile()).redirectError(home.resolve(name + ".err").toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put("XDG_RUNTIME_DIR", runtimeDir().toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        Process process = builder.start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        assertThat(ended).as("keydeck %s ended within 60 s (a window left open?)", List.of(args)).isTrue();
        Run run = new Run(process.exitValue(), Files.readString(home.resolve(name + ".out"), StandardCharsets.UTF_8),
                Files.readString(home.resolve(name + ".err"), StandardCharsets.UTF_8));
        assertThat(run.err).as("stderr of keydeck %s", List.of(args)).doesNotContain("\tat ")
                .doesNotContain("Exception").doesNotContain("Unsupported JavaFX configuration");
        return run;
    }

    Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), List.of(), args);
    }

    /** The test JVM's class path without the test classes: the child runs KeyDeck as shipped. */
    static String mainClassPath() {
        String separator = System.getProperty("path.separator");
        return String.join(separator, Arrays.stream(System.getProperty("java.class.path").split(separator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/")).toList());
    }
}
