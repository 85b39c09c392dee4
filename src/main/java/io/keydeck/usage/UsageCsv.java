package io.keydeck.usage;

import io.keydeck.model.UsagePoint;

import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The data behind a usage chart as CSV (RFC 4180), one row per key and bucket, for spreadsheets. Text
 * cells that a spreadsheet would run as a formula get a leading apostrophe: key names are user input.
 * {@code cost} is what the bucket cost in {@code cost_unit} ({@code USD}, another currency code, or
 * {@code credits}), as a plain decimal; both are empty — never 0 — where the gateway did not report it.
 */
public final class UsageCsv {
    public static final String HEADER = "key_id,key_name,bucket_start,requests,input_tokens,output_tokens,errors,cost,cost_unit";

    private UsageCsv() {
    }

    /** Writes the header and one row per point, ordered by key then bucket. */
    public static void write(Writer out, List<UsagePoint> points, Function<String, String> names) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        List<UsagePoint> ordered = points.stream()
                .sorted(Comparator.comparing((UsagePoint p) -> p.keyId() == null ? "" : p.keyId())
                        .thenComparing(UsagePoint::bucketStart))
                .toList();
        StringBuilder row = new StringBuilder(128);
        for (UsagePoint point : ordered) {
            String keyId = point.keyId() == null ? "" : point.keyId();
            row.setLength(0);
            row.append(cell(keyId)).append(',')
                    .append(cell(names.apply(keyId))).append(',')
                    .append(point.bucketStart()).append(',')
                    .append(point.requests()).append(',')
                    .append(point.inputTokens()).append(',')
                    .append(point.outputTokens()).append(',')
                    .append(point.errors()).append(',')
                    .append(point.cost() == null ? "" : point.cost().value().toPlainString()).append(',')
                    .append(point.cost() == null ? "" : cell(point.cost().unit())).append("\r\n");
            out.write(row.toString());
        }
    }

    /** One text cell: neutralised if it could start a formula, quoted if it holds a separator or quote. */
    public static String cell(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            value = '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
