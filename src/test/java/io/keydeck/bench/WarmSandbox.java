package io.keydeck.bench;

import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox for the benchmarks, standing in for a gateway that has been running for a while: it
 * serves the full key listing and a week of usage a few times before it says where it listens, so
 * its own warm-up (JIT compilation on the same two cores) is not counted as the app's load time. Runs
 * in its own JVM, started by {@link KeysBenchmark}; the app's JVM stays cold.
 *
 * <p>Arguments: key count, warm-up passes (0: none, a cold start as {@code KeyDeck sandbox} would
 * give). Prints "Base URL:" and "Admin token:" lines as the {@code sandbox} command does.
 */
public final class WarmSandbox {
    private static final Pattern CURSOR = Pattern.compile("\"next_cursor\":\"([^\"]+)\"");

    private WarmSandbox() {
    }

    public static void main(String[] args) throws Exception {
        int keys = Integer.parseInt(args[0]);
        int passes = Integer.parseInt(args[1]);
        SandboxGateway gateway = SandboxGateway.start(SandboxOptions.defaults().withKeys(keys).withTraffic(false)
                .withPort(0));
        HttpClient http = HttpClient.newHttpClient();
        String token = gateway.adminToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        for (int pass = 0; pass < passes; pass++) {
            String cursor = null;
            do {
                String body = get(http, token, gateway.baseUrl() + "/v1/api-keys?limit=1000&include_revoked=true"
                        + (cursor == null ? "" : "&after=" + cursor));
                Matcher next = CURSOR.matcher(body.substring(Math.max(0, body.length() - 200)));
                cursor = next.find() ? next.group(1) : null;
            } while (cursor != null);
            get(http, token, gateway.baseUrl() + "/v1/usage?bucket=day&start=" + now.minus(7, ChronoUnit.DAYS)
                    + "&end=" + now);
        }
        System.out.println("Base URL:    " + gateway.baseUrl());
        System.out.println("Admin token: " + token);
        System.out.flush();
        Thread.currentThread().join();
    }

    private static String get(HttpClient http, String token, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
