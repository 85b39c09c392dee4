package io.keydeck.cli;

import io.keydeck.gateway.GatewayException;
import io.keydeck.review.ConnectionTotals;
import io.keydeck.review.Finding;
import io.keydeck.review.ReportFormat;
import io.keydeck.review.ReportWriter;
import io.keydeck.review.Severity;
import io.keydeck.review.SeverityCounts;
import io.keydeck.review.StreamedReport;
import io.keydeck.review.Thresholds;
import io.keydeck.session.ReviewGathering;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code keydeck report}: the security review of one gateway, written as CSV, JSON or HTML, with
 * {@code --fail-on} turning findings into exit code 1 so CI can gate on them. Same rules as the
 * Review view (io.keydeck.review), same auth-log window.
 */
@Command(name = "report", description = "Review a gateway's keys and write the findings as CSV, JSON or HTML.",
        footer = {GatewayConnection.HELP, """
                The review uses every key (revoked ones too), the last 30 days of the auth log when the driver has
                one, and the thresholds from the window's preferences. With --fail-on, exit 1 when a finding is at
                or above that severity; those findings are also listed on stderr. The report is written as the
                pages arrive, in memory that does not grow with the number of keys: CSV and the JSON's "keys" as they
                come, then the JSON's "findings" and "summary"; HTML is put together at the end. With --out FILE
                the file appears only when the report is complete.
                Example: keydeck report --connection Prod --json --out - | jq '.summary'"""})
final class ReportCommand implements Subcommand {
    private static final int LISTED_FINDINGS = 20;

    @Mixin
    HelpOption help;
    @Mixin
    GatewayConnection.Options gateway;
    @Option(names = "--format", paramLabel = "csv|json|html", completionCandidates = Choices.Format.class,
            description = "report format (default: from --out's extension)")
    String format;
    @Option(names = "--json", description = "the same as --format json")
    boolean json;
    @Option(names = "--out", paramLabel = "FILE", required = true, description = "where to write the report;"
            + " - for stdout")
    String out;
    @Option(names = "--fail-on", paramLabel = "high|medium|low", completionCandidates = Choices.Severity.class,
            description = "exit 1 when a finding is this severe or worse")
    String failOn;
    @Option(names = "--production", description = "judge an ad-hoc gateway as production (saved connections use"
            + " their tag)")
    boolean production;

    @Override
    public int run(CliContext context) throws CliFailure {
        ReportFormat format = format();
        Severity failOn = this.failOn == null ? null : severity(this.failOn);
        Instant now = context.clock().instant();
        Thresholds thresholds = ReviewGathering.thresholds(SavedConnections.load(context).preferences().reviewThresholds());
        Reviewed reviewed;
        try (GatewayConnection gateway = GatewayConnection.open(this.gateway, context)) {
            if (out.equals("-")) {
                reviewed = review(gateway, format, thresholds, now, context.out());
            } else {
                reviewed = toFile(gateway, format, thresholds, now);
            }
        }
        ConnectionTotals totals = reviewed.totals();
        SeverityCounts counts = totals.counts();
        context.err().println("Reviewed " + totals.keyCount() + " keys of " + Text.printable(totals.connectionName())
                + ": " + counts.high() + " high, " + counts.medium() + " medium, " + counts.low() + " low"
                + (out.equals("-") ? "." : "; report written to " + Path.of(out).toAbsolutePath() + "."));
        totals.skipped().forEach(s -> context.err().println("Skipped " + s.rule().id() + ": " + s.reason()));
        if (failOn == null) {
            return ExitCode.OK;
        }
        int failing = Arrays.stream(Severity.values()).filter(s -> s.atLeast(failOn)).mapToInt(counts::count).sum();
        if (failing == 0) {
            return ExitCode.OK;
        }
        context.err().println(failing + (failing == 1 ? " finding is " : " findings are ")
                + failOn.label() + " or worse (--fail-on " + failOn.label() + "):");
        reviewed.worst().stream().filter(f -> f.severity().atLeast(failOn)).forEach(f -> context.err().println("  "
                + f.severity().label() + "  " + Text.printable(f.key().name()) + " (" + f.key().hint() + ", "
                + f.key().id() + "): " + Text.printable(f.reason())));
        if (failing > LISTED_FINDINGS) {
            context.err().println("  … and " + (failing - LISTED_FINDINGS) + " more in the report.");
        }
        return ExitCode.FINDINGS;
    }

    /** The review's totals and its first findings in report order, for the lines on stderr. */
    private record Reviewed(ConnectionTotals totals, List<Finding> worst) {
    }

    private Reviewed toFile(GatewayConnection gateway, ReportFormat format, Thresholds thresholds, Instant now)
            throws CliFailure {
        Reviewed[] reviewed = {null};
        try {
            ReportWriter.atomically(Path.of(out), stream -> reviewed[0] = review(gateway, format, thresholds, now, stream));
        } catch (IOException | RuntimeException e) {
            throw CliFailure.local("could not write the report to " + out + " (" + e.getMessage() + ").");
        }
        return reviewed[0];
    }

    /**
     * Writes the report to {@code stream} key by key as the gateway's pages arrive: stdout shows each page
     * as it comes, and memory stays flat at any number of keys.
     */
    private Reviewed review(GatewayConnection gateway, ReportFormat format, Thresholds thresholds, Instant now,
                            OutputStream stream) throws CliFailure {
        try (StreamedReport report = StreamedReport.open(format, now, thresholds, stream)) {
            ConnectionTotals totals = ReviewGathering.reviewEachKey(gateway.client(), gateway.label(),
                    production || gateway.production(), thresholds, now,
                    e -> "The auth log could not be read: " + Text.printable(e.describe()),
                    row -> write(() -> report.key(row)), () -> write(() -> {
                        report.flush();
                        if (stream instanceof PrintStream printed && printed.checkError()) {
                            throw new IOException("stdout was closed");
                        }
                    }));
            report.finish(List.of(totals));
            return new Reviewed(totals, report.first(LISTED_FINDINGS));
        } catch (GatewayException e) {
            throw CliFailure.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.GATEWAY, "the review was interrupted.");
        } catch (IOException | UncheckedIOException e) {
            throw CliFailure.local("could not write the report to " + (out.equals("-") ? "stdout" : out) + " ("
                    + e.getMessage() + ").");
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private ReportFormat format() throws CliFailure {
        if (json && format != null && !format.strip().equalsIgnoreCase("json")) {
            throw CliFailure.usage("--json and --format " + Text.printable(format) + " disagree; give one of them.");
        }
        String named = json ? "json" : format;
        if (named != null) {
            try {
                return ReportFormat.parse(named);
            } catch (IllegalArgumentException e) {
                throw CliFailure.usage("--format must be csv, json or html, was \"" + Text.printable(named) + "\".");
            }
        }
        ReportFormat guessed = ReportFormat.forFileName(out, null);
        if (guessed == null) {
            throw CliFailure.usage("say which format: --format csv, json or html.");
        }
        return guessed;
    }

    private static Severity severity(String text) throws CliFailure {
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("--fail-on must be high, medium or low, was \"" + Text.printable(text) + "\".");
        }
    }

}
