package io.keydeck.hostile;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayException.Kind;
import io.keydeck.gateway.GatewayLimits;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.multiroute.MultiRouteDriver;
import io.keydeck.hostile.HostileGateway.Mode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The shared HTTP layer against each misbehaving gateway of issue 16, in-process: every call ends
 * within its deadline (a small one here, so the suite stays fast) with the right kind of error.
 */
class GatewayBoundsTest {
    private static final Duration DEADLINE = Duration.ofMillis(1500);
    /** Deadline plus the time a busy two-core CI machine may need to notice it. */
    private static final long BOUND_MILLIS = DEADLINE.toMillis() + 2500;

    private final List<String> waits = new ArrayList<>();

    private GatewayClient client(HostileGateway gateway, GatewayLimits limits) throws GatewayException {
        GatewayTarget target = new GatewayTarget(URI.create(gateway.baseUrl()), AdminToken.of("mrk_admin_x".toCharArray()),
                Map.of(), limits, (wait, reason) -> waits.add(reason));
        return new MultiRouteDriver().connect(target);
    }

    private GatewayException listFails(Mode mode, GatewayLimits limits, long boundMillis) throws Exception {
        try (HostileGateway gateway = new HostileGateway(mode); GatewayClient client = client(gateway, limits)) {
            long started = System.nanoTime();
            GatewayException e = catchThrowableOfType(GatewayException.class, () -> client.listAllKeys(false, n -> { }));
            long took = (System.nanoTime() - started) / 1_000_000;
            assertThat(e).as(mode + " must fail").isNotNull();
            assertThat(took).as(mode + " took " + took + " ms").isLessThan(boundMillis);
            return e;
        }
    }

    private static GatewayLimits small() {
        return GatewayLimits.defaults().withDeadline(DEADLINE);
    }

    @Test
    void theDefaultsAreTheIssuesFigures() {
        GatewayLimits limits = GatewayLimits.defaults();
        assertThat(limits.deadline()).isEqualTo(Duration.ofSeconds(60));
        assertThat(limits.maxAnswerBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(limits.maxListedItems()).isEqualTo(2_000_000);
        assertThat(new GatewayTarget(URI.create("http://127.0.0.1:1"), AdminToken.of("t".toCharArray())).limits())
                .as("a target without settings keeps the defaults").isEqualTo(GatewayLimits.fromSystemProperties());
        assertThat(new GatewayTarget(URI.create("http://127.0.0.1:1"), AdminToken.of("t".toCharArray()),
                Map.of(GatewayLimits.DEADLINE_OPTION, "7")).limits().deadline())
                .as("a connection's own deadline").isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aStalledBodyFailsAtTheDeadlineNamingTheBytesThatArrived() throws Exception {
        GatewayException e = listFails(Mode.STALLED_BODY, small(), BOUND_MILLIS);
        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertThat(e.getMessage()).contains("23 bytes of 1000").contains("stalled");
    }

    @Test
    void slowHeadersFailAtTheDeadlineSayingTheRealTime() throws Exception {
        GatewayException e = listFails(Mode.SLOW_HEADERS, small(), BOUND_MILLIS);
        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertThat(e.getMessage()).doesNotContain("30 s").containsPattern("within [01]\\.\\d s|in [0-9.]+ s");
    }

    @Test
    void aPageLargerThanAskedForIsRefused() throws Exception {
        GatewayException e = listFails(Mode.HUGE_PAGE, small(), BOUND_MILLIS);
        assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(e.code()).isEqualTo("page_too_large");
    }

    @Test
    void anAnswerLargerThanTheCapIsRefused() throws Exception {
        GatewayException e = listFails(Mode.LONG_NAME, small().withMaxAnswerBytes(64 * 1024), BOUND_MILLIS);
        assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(e.code()).isEqualTo("answer_too_large");
    }

    @Test
    void anEndlessBodyIsRefused() throws Exception {
        GatewayException e = listFails(Mode.ENDLESS_BODY, small().withDeadline(Duration.ofSeconds(20)), 20_000);
        assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(e.code()).isEqualTo("value_too_large");
        assertThat(e.getMessage()).contains("longer than 1000000 characters").doesNotContain("StreamReadConstraints");
    }

    @Test
    void emptyPagesWithFreshCursorsStopAfterAFewPages() throws Exception {
        try (HostileGateway gateway = new HostileGateway(Mode.EMPTY_PAGES); GatewayClient client = client(gateway, small())) {
            GatewayException e = catchThrowableOfType(GatewayException.class, () -> client.listAllKeys(false, n -> { }));
            assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
            assertThat(e.code()).isEqualTo("no_progress");
            assertThat(gateway.requests()).isLessThanOrEqualTo(GatewayLimits.DEFAULT_STALE_PAGES);
        }
    }

    @Test
    void aListingStopsAtTheCapAndSaysSo() throws Exception {
        GatewayException e = listFails(Mode.LONG_NAME, small().withMaxListedItems(2500), BOUND_MILLIS);
        assertThat(e.code()).isEqualTo("listing_cap");
        assertThat(e.getMessage()).contains("more than 2500 keys");
    }

    @Test
    void aRetryAfterLongerThanTheDeadlineIsNotWaited() throws Exception {
        GatewayException e = listFails(Mode.RETRY_AFTER, small(), 1000);
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.getMessage()).startsWith("rate limited; the gateway asks to wait 60 s");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(waits).isEmpty();
    }
}
