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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code keys list} streams: the real command line in a child JVM with a 48 MB heap lists 200,000 keys
 * (about 85 MB of JSON, ~1.4 GB as the listing used to hold it) as a complete table and a complete JSON
 * array, and the listing cap still stops a listing that is too long. {@code report} streams too: in the
 * same heap it reviews the 200,000 keys (each with at least one finding; the report used to hold them all
 * and ran out of that heap) and writes a complete JSON report to stdout and a complete HTML report to a
 * file, every key once, every finding in report order and a summary that agrees with both. Not timed: the
 * 1,000,000-key figures with peak RSS come from {@code scripts/bench.sh}.
 */
class ListingOfAnySizeRunsInFlatMemoryTest {
    private static final int KEYS = 200_000;
    private static final String HEAP = "-Xmx48m";
    private static final List<String> SEVERITIES = List.of("high", "medium", "low");
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
        return new ForkedKeydeck(home, HEAP).err();
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

    @Test
    void theJsonReportOfAllKeysIsWrittenToStdoutInASmallHeap() throws Exception {
        ForkedKeydeck keydeck = new ForkedKeydeck(home, HEAP);
        int exit = keydeck.run(gateway.baseUrl(), List.of(), "report", "--json", "--out", "-");

        assertThat(exit).as(keydeck.err()).isZero();
        List<String> ids = new ArrayList<>();
        long findingsOfKeys = 0;
        List<String> severities = new ArrayList<>();
        long summaryKeys = -1;
        long summaryFindings = -1;
        try (JsonParser p = new JsonFactory().createParser(keydeck.out().toFile())) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                p.nextToken();
                if (section.equals("keys")) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String field = p.currentName();
                            p.nextToken();
                            if (field.equals("id")) {
                                ids.add(p.getText());
                            } else if (field.equals("findings")) {
                                while (p.nextToken() == JsonToken.START_OBJECT) {
                                    findingsOfKeys++;
                                    p.skipChildren();
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                } else if (section.equals("findings")) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String field = p.currentName();
                            p.nextToken();
                            if (field.equals("severity")) {
                                severities.add(p.getText());
                            }
                        }
                    }
                } else if (section.equals("summary")) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        if (field.equals("keys")) {
                            summaryKeys = p.getLongValue();
                        } else if (field.equals("findings")) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String count = p.currentName();
                                p.nextToken();
                                if (count.equals("total")) {
                                    summaryFindings = p.getLongValue();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(p.nextToken()).isNull();
        }
        assertThat(ids).hasSize(KEYS).doesNotHaveDuplicates();
        assertThat(ids.get(0)).isEqualTo(ManyKeysGateway.id(0));
        assertThat(ids.get(KEYS - 1)).isEqualTo(ManyKeysGateway.id(KEYS - 1));
        assertThat(summaryKeys).isEqualTo(KEYS);
        assertThat(findingsOfKeys).isGreaterThanOrEqualTo(KEYS);
        assertThat(severities).hasSize((int) findingsOfKeys);
        assertThat(summaryFindings).isEqualTo(findingsOfKeys);
        assertThat(severities).isSortedAccordingTo((a, b) -> SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b));
        assertThat(keydeck.err()).contains("Reviewed " + KEYS + " keys");
    }

    @Test
    void theHtmlReportOfAllKeysIsWrittenToAFileInASmallHeap() throws Exception {
        ForkedKeydeck keydeck = new ForkedKeydeck(home, HEAP);
        Path report = home.resolve("review.html");
        int exit = keydeck.run(gateway.baseUrl(), List.of(), "report", "--out", report.toString());

        assertThat(exit).as(keydeck.err()).isZero();
        long keyRows = 0;
        long findingRows = 0;
        String last = null;
        String header = null;
        try (BufferedReader lines = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("<tr><td><span class=\"sev")) {
                    findingRows++;
                } else if (line.contains("</td><td>service-")) {
                    keyRows++;
                } else if (header == null && line.contains(" keys &middot; ")) {
                    header = line;
                }
                last = line;
            }
        }
        assertThat(keyRows).isEqualTo(KEYS);
        assertThat(findingRows).isGreaterThanOrEqualTo(KEYS);
        assertThat(last).isEqualTo("</html>");
        assertThat(header).contains(KEYS + " keys &middot; " + findingRows + " findings");
        try (var left = Files.list(home.resolve("tmp"))) {
            assertThat(left.toList()).as("spools are removed").isEmpty();
        }
    }
    private int keydeck(List<String> properties, String... args) throws IOException, InterruptedException {
        return keydeck(gateway.baseUrl(), properties, args);
    }

    private int keydeck(String baseUrl, List<String> properties, String... args) throws IOException, InterruptedException {
        return new ForkedKeydeck(home, HEAP).run(baseUrl, properties, args);
    }
}
