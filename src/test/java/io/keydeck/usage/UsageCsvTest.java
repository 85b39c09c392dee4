package io.keydeck.usage;

import io.keydeck.model.Amount;
import io.keydeck.model.UsagePoint;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

public class UsageCsvTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    /** A small RFC 4180 reader: quoted cells may hold commas, quotes and line breaks. */
    public static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    @Test
    void oneRowPerPointUnderTheHeaderAndTrickyNamesSurviveTheRoundTrip() throws Exception {
        Map<String, String> names = Map.of(
                "key_a", "Checkout, \"prod\"",
                "key_b", "=HYPERLINK(\"http://evil\")",
                "key_c", "multi\nline");
        List<UsagePoint> points = List.of(
                new UsagePoint("key_b", T, 5, 50, 20, 1),
                new UsagePoint("key_a", T.plusSeconds(3600), 7, 70, 30, 0),
                new UsagePoint("key_a", T, 3, 30, 10, 2),
                new UsagePoint("key_c", T, 1, 2, 3, 0));
        StringWriter out = new StringWriter();
        UsageCsv.write(out, points, id -> names.getOrDefault(id, ""));

        List<List<String>> rows = parse(out.toString());
        assertThat(String.join(",", rows.get(0))).isEqualTo(UsageCsv.HEADER);
        assertThat(rows).hasSize(points.size() + 1);
        assertThat(rows.get(1)).containsExactly("key_a", "Checkout, \"prod\"", "2026-03-01T10:00:00Z", "3", "30", "10", "2",
                "", "");
        assertThat(rows.get(2).get(2)).isEqualTo("2026-03-01T11:00:00Z");
        assertThat(rows.get(3).get(1)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(rows.get(4).get(1)).isEqualTo("multi\nline");
    }

    /**
     * Cost in its own column with its unit beside it: a bucket the gateway priced at nothing is 0, one it did not
     * price is empty in both columns — a spreadsheet's sum then leaves it out instead of counting it as free.
     */
    @Test
    void eachBucketsCostStandsBesideItsUnitAndAnUnreportedCostIsEmptyNotZero() throws Exception {
        List<UsagePoint> points = List.of(
                new UsagePoint("key_a", T, 3, 30, 10, 0, Amount.usd(new BigDecimal("0.018280"))),
                new UsagePoint("key_b", T, 1, 0, 0, 1, Amount.usd(0)),
                new UsagePoint("key_c", T, 2, 20, 5, 0, null),
                new UsagePoint("key_d", T, 4, 8, 8, 0, new Amount(new BigDecimal("1200"), Amount.CREDITS)),
                new UsagePoint("key_e", T, 4, 8, 8, 0, new Amount(new BigDecimal("0.0000001"), "EUR")));
        StringWriter out = new StringWriter();
        UsageCsv.write(out, points, id -> "");

        List<List<String>> rows = parse(out.toString());
        assertThat(rows.get(0)).endsWith("errors", "cost", "cost_unit");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0) + " " + r.get(7) + " " + r.get(8))
                .containsExactly("key_a 0.01828 USD", "key_b 0 USD", "key_c  ", "key_d 1200 credits",
                        "key_e 0.0000001 EUR");
    }

    @Test
    void cellsThatCouldRunAsFormulasAreNeutralised() {
        assertThat(UsageCsv.cell("+1")).isEqualTo("'+1");
        assertThat(UsageCsv.cell("-2")).isEqualTo("'-2");
        assertThat(UsageCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(UsageCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(UsageCsv.cell("plain")).isEqualTo("plain");
        assertThat(UsageCsv.cell(null)).isEmpty();
    }
}
