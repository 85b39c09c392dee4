package io.keydeck.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --json}'s own pieces: the timestamp text and the one-item-a-line shape on a pipe. */
class JsonOutTest {
    @Test
    void timestampsReadExactlyAsInstantWritesThem() {
        SplittableRandom random = new SplittableRandom(22);
        for (int i = 0; i < 200_000; i++) {
            // whole seconds across and beyond the fast path's years, and some with fractions
            long seconds = random.nextLong(-40_000_000_000L, 260_000_000_000L);
            Instant instant = Instant.ofEpochSecond(seconds, i % 10 == 0 ? random.nextInt(1_000_000_000) : 0);
            assertThat(JsonOut.iso(instant)).as("%s", instant).isEqualTo(instant.toString());
        }
        for (String edge : new String[]{"1000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
                "2024-02-29T12:34:56Z", "0999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            assertThat(JsonOut.iso(Instant.parse(edge))).isEqualTo(edge);
        }
        assertThat(JsonOut.iso(null)).isNull();
    }

    @Test
    void onAPipeEachItemOfTheOutermostArrayHasALineOfItsOwn() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (JsonGenerator g = JsonOut.open(out)) { // tests run without a console: the pipe's shape
            g.writeStartArray();
            for (int i = 0; i < 3; i++) {
                g.writeStartObject();
                g.writeStringField("id", "key_" + i);
                g.writeArrayFieldStart("scopes");
                g.writeString("a");
                g.writeString("b");
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("""
                [
                {"id":"key_0","scopes":["a","b"]},
                {"id":"key_1","scopes":["a","b"]},
                {"id":"key_2","scopes":["a","b"]}
                ]""");
        assertThat(new ObjectMapper().readTree(text)).hasSize(3);
    }

    @Test
    void anEmptyListingIsAnEmptyArray() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonOut.open(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            g.writeStartArray();
            g.writeEndArray();
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("[]");
    }
}
