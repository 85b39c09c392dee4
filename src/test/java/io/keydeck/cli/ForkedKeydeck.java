package io.keydeck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real command line in a child JVM with a small heap, against an ad-hoc multiroute gateway, its
 * stdout and stderr in files under {@code home}: how the flat-memory tests show a command does not hold
 * what it lists.
 */
final class ForkedKeydeck {
    static final String TOKEN = "mrk_admin_many_keys_test_token";

    private final Path home;
    private final String heap;

    ForkedKeydeck(Path home, String heap) {
        this.home = home;
        this.heap = heap;
    }

    Path out() {
        return home.resolve("out");
    }

    String err() throws IOException {
        return Files.readString(home.resolve("err"), StandardCharsets.UTF_8);
    }

    /** Runs {@code keydeck ARGS --driver multiroute --base-url BASEURL --token-env KD_TOKEN}; its exit code. */
    int run(String baseUrl, List<String> properties, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.home=" + home,
                "-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp")), "-Dkeydeck.vault=session"));
        command.addAll(properties);
        command.addAll(List.of("-cp", mainClassPath(), "io.keydeck.Launcher"));
        command.addAll(Arrays.asList(args));
        command.addAll(List.of("--driver", "multiroute", "--base-url", baseUrl, "--token-env", "KD_TOKEN"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out().toFile()).redirectError(home.resolve("err").toFile());
        builder.environment().put("KD_TOKEN", TOKEN);
        for (String xdg : List.of("DATA", "CONFIG", "STATE", "CACHE")) {
            builder.environment().put("XDG_" + xdg + "_HOME", home.resolve(xdg.toLowerCase()).toString());
        }
        builder.environment().put("XDG_RUNTIME_DIR", home.resolve("runtime").toString());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("keydeck " + Arrays.toString(args) + " did not end within 5 minutes");
        }
        return process.exitValue();
    }

    /** The test JVM's class path without the test classes: the child runs KeyDeck as shipped. */
    private static String mainClassPath() {
        String separator = System.getProperty("path.separator");
        return String.join(separator, Arrays.stream(System.getProperty("java.class.path").split(separator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/")).toList());
    }
}
