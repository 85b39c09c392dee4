package io.keydeck.bench;

import io.keydeck.authlog.AuthEventFilter;
import io.keydeck.authlog.AuthEventWindow;
import io.keydeck.authlog.EventHistogram;
import io.keydeck.authlog.SignalDetector;
import io.keydeck.authlog.SignalRules;
import io.keydeck.authlog.SpikeRule;
import io.keydeck.authlog.TopOffenders;
import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.Page;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Auth log at scale (not a test): a sandbox with 1,000,000 auth events, paged through the real
 * multiroute driver into the bounded window the view uses (500 per page, at most 100,000 kept), then
 * the client-side filter and the analysis run over the 100,000 loaded events. Prints time to first
 * page, paging, filter and analysis times, the window's size after paging past its capacity, and RSS.
 */
public final class AuthLogBenchmark {
    private static final int PAGE = 500;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final int CAPACITY = 100_000;

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        try (SandboxGateway sandbox = SandboxGateway.start(
                SandboxOptions.defaults().withAuthEvents(1_000_000).withTraffic(false))) {
            System.out.printf("sandbox with 1,000,000 events started in %d ms, RSS %d MB%n", ms(t0), rssMb("VmRSS"));
            GatewayClient client = GatewayDriver.byId("multiroute").orElseThrow()
                    .connect(new GatewayTarget(sandbox.baseUrl(), AdminToken.of(sandbox.adminToken())));
            AuthEventQuery query = new AuthEventQuery(Instant.now().minus(Duration.ofDays(7)), null, null, null, PAGE,
                    null);
            for (int warm = 0; warm < 3; warm++) {
                client.authEvents(query);
            }
            long first = System.nanoTime();
            Page<AuthEvent> page = client.authEvents(query);
            System.out.printf("time to first page (%d events): %d ms%n", page.items().size(), ms(first));

            AuthEventWindow window = new AuthEventWindow(CAPACITY);
            window.addOlder(page);
            long paging = System.nanoTime();
            int pages = 1;
            while (window.cursor() != null) {
                window.addOlder(client.authEvents(query.after(window.cursor())));
                pages++;
                if (pages % 50 == 0) {
                    System.out.printf("  %d pages, %,d events held, heap in use after GC %d MB, RSS %d MB%n", pages,
                            window.size(), heapAfterGcMb(), rssMb("VmRSS"));
                }
            }
            System.out.printf("paged %d pages to %,d events in %d ms; window full (paging stopped): %s%n", pages,
                    window.size(), ms(paging), window.isFull());
            // live tail past the capacity: the window keeps its size by dropping the oldest
            List<AuthEvent> newer = window.events().subList(0, 1000).stream()
                    .map(e -> new AuthEvent(e.id() + "_new", e.occurredAt().plusSeconds(1), e.status(), e.type(),
                            e.code(), e.message(), e.requestId(), e.keyPrefix(), e.keyLastFour(), e.keyId(),
                            e.clientIp(), e.userAgent(), e.method(), e.path())).toList();
            window.addNewer(newer);
            System.out.printf("after 1,000 live-tail events the window holds %,d; heap in use after GC %d MB%n",
                    window.size(), heapAfterGcMb());

            List<AuthEvent> loaded = List.copyOf(window.events());
            AuthEventFilter[] filters = {
                AuthEventFilter.NONE.withText("python-requests"),
                AuthEventFilter.NONE.withIp("203.0.113"),
                AuthEventFilter.NONE.withKey("mrk_test_").withText("invalid"),
                AuthEventFilter.NONE.withText("no-such-thing-anywhere"),
            };
            long[] filterMs = new long[20];
            long[] filterCpuMs = new long[20];
            int matched = 0;
            for (int i = 0; i < filterMs.length; i++) {
                long s = System.nanoTime();
                long cpu = CPU.getCurrentThreadCpuTime();
                matched = filters[i % filters.length].apply(loaded).size();
                filterMs[i] = (System.nanoTime() - s) / 1_000_000;
                filterCpuMs[i] = (CPU.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            }
            Arrays.sort(filterMs);
            Arrays.sort(filterCpuMs);
            System.out.printf("client-side filter over %,d loaded events (20 runs, 4 filters): wall median %d ms, "
                    + "worst %d ms; CPU median %d ms, worst %d ms%n", loaded.size(), filterMs[filterMs.length / 2],
                    filterMs[filterMs.length - 1], filterCpuMs[filterCpuMs.length / 2], filterCpuMs[filterCpuMs.length - 1]);
            long[] analysisMs = new long[5];
            int buckets = 0;
            int keys = 0;
            int ips = 0;
            int signals = 0;
            for (int i = 0; i < analysisMs.length; i++) {
                long analysis = CPU.getCurrentThreadCpuTime();
                buckets = EventHistogram.of(loaded, SpikeRule.DEFAULT).size();
                keys = TopOffenders.byKey(loaded, SpikeRule.DEFAULT, 10).size();
                ips = TopOffenders.byIp(loaded, SpikeRule.DEFAULT, 10).size();
                signals = new SignalDetector(SignalRules.DEFAULT).detect(loaded, List.of()).size();
                analysisMs[i] = (CPU.getCurrentThreadCpuTime() - analysis) / 1_000_000;
            }
            System.out.printf("histogram (%d buckets) + top offenders + signals (%d) over %,d events, CPU: %s ms (5 runs)%n",
                    buckets, signals, loaded.size(), Arrays.toString(analysisMs));
            System.out.printf("(last filter matched %d; %d keys, %d IPs listed)%n", matched, keys, ips);
            client.close();
        }
        System.out.printf("peak RSS (VmHWM): %d MB; load average when done: %s%n", rssMb("VmHWM"),
                Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static long heapAfterGcMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long rssMb(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
