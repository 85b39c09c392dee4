package io.keydeck.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.keydeck.bench.ManyKeysGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code keys list} streams: the real command line in a child JVM with a 48 MB heap lists 200,000 keys
 * (about 85 MB of JSON, ~1.4 GB as the listing used to hold it) as a complete table and a complete JSON
 * array, and the listing cap still stops a listing that is too long. Not timed: the 1,000,000-key
 * figures with peak RSS come from {@code scripts/bench.sh}.
 */
class ListingOfAnySizeRunsInFlatMemoryTest {
    private static final int KEYS = 200_000;
    private static final String HEAP = "-Xmx48m";
    private static ManyKeysGateway gateway;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws IOException {
        gateway = new ManyKeysGateway(KEYS);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theJsonOfAllKeysIsWrittenInASmallHeap() throws Exception {
        int exit = keydeck(List.of(), "keys", "list", "--json");

        assertThat(exit).as(err()).isZero();
        List<String> ids = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(home.resolve("out").toFile())) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            for (JsonToken t = p.nextToken(); t == JsonToken.START_OBJECT; t = p.nextToken()) {
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("id") && (ids.size() < 2 || ids.size() >= KEYS - 2)) {
                        ids.add(p.getText());
                    } else if (field.equals("id")) {
                        ids.add(null);
                    }
                    p.skipChildren();
                }
            }
            assertThat(p.currentToken()).isEqualTo(JsonToken.END_ARRAY);
            assertThat(p.nextToken()).isNull();
        }
        assertThat(ids).hasSize(KEYS);
        assertThat(ids.get(0)).isEqualTo(ManyKeysGateway.id(0));
        assertThat(ids.get(KEYS - 1)).isEqualTo(ManyKeysGateway.id(KEYS - 1));
        assertThat(err()).contains(KEYS + " keys.");
    }

    @Test
    void theTableOfAllKeysIsWrittenInASmallHeapWithColumnsFromTheFirstPage() throws Exception {
        int exit = keydeck(List.of(), "keys", "list");

        assertThat(exit).as(err()).isZero();
        long rows = 0;
        String header;
        String last = null;
        try (BufferedReader lines = Files.newBufferedReader(home.resolve("out"), StandardCharsets.UTF_8)) {
            header = lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                rows++;
                last = line;
                if (rows <= 1000) {
                    assertThat(line.indexOf("  mrk_") + 2).as("the first page lines up: " + line)
                            .isEqualTo(header.indexOf("KEY"));
                }
            }
        }
        assertThat(header).startsWith("ID").contains("NAME");
        assertThat(rows).isEqualTo(KEYS);
        assertThat(last).startsWith(ManyKeysGateway.id(KEYS - 1) + "  service-");
    }

    @Test
    void theListingCapStillStopsAListingThatIsTooLong() throws Exception {
        int exit = keydeck(List.of("-Dkeydeck.maxListedItems=50000"), "keys", "list", "--json");

        assertThat(exit).isEqualTo(ExitCode.GATEWAY);
        assertThat(err()).contains("more than 50000 keys");
        assertThatThrownBy(() -> {
            try (JsonParser p = new JsonFactory().createParser(home.resolve("out").toFile())) {
                while (p.nextToken() != null) {
                    p.skipChildren();
                }
            }
        }).as("a listing cut short is not a complete JSON document").isInstanceOf(IOException.class);
    }

    private String err() throws IOException {
        return Files.readString(home.resolve("err"), StandardCharsets.UTF_8);
    }

    @Test
    void aGatewayThatAnswersNothingLeavesStdoutEmpty() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        int exit = keydeck("http://127.0.0.1:" + closedPort, List.of(), "keys", "list", "--json");

        assertThat(exit).as(err()).isEqualTo(ExitCode.GATEWAY);
        assertThat(Files.readString(home.resolve("out"))).isEmpty();
    }

    private int keydeck(List<String> properties, String... args) throws IOException, InterruptedException {
        return keydeck(gateway.baseUrl(), properties, args);
    }

    private int keydeck(String baseUrl, List<String> properties, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.home=" + home,
                "-Dkeydeck.vault=session"));
        command.addAll(properties);
        command.addAll(List.of("-cp", mainClassPath(), "io.keydeck.Launcher"));
        command.addAll(Arrays.asList(args));
        command.addAll(List.of("--driver", "multiroute", "--base-url", baseUrl, "--token-env", "KD_TOKEN"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve("out").toFile()).redirectError(home.resolve("err").toFile());
        builder.environment().put("KD_TOKEN", "mrk_admin_many_keys_test_token");
        for (String xdg : List.of("DATA", "CONFIG", "STATE")) {
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
