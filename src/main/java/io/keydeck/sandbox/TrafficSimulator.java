package io.keydeck.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Calls the sandbox's own {@code /v1/chat/completions} over real HTTP, mostly with good keys and
 * now and then with a bad one, from varying client addresses — so usage, last use and the auth log
 * move while someone watches. Runs on one daemon thread and logs at debug level only.
 */
final class TrafficSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrafficSimulator.class);
    private static final String[] AGENTS = {"openai-python/1.40.0", "OpenAI/NodeJS 4.52.0", "okhttp/4.12.0",
        "MultiRoute-SDK/1.3 (Java 17)"};
    private static final String[] PROMPTS = {"Summarise this support ticket in two sentences.",
        "Translate 'good morning' into French.", "Write a haiku about API keys.",
        "Classify this transaction as fraud or not: amount 42.00 EUR, merchant ACME."};

    private final URI endpoint;
    private final DemoData.SimulatorSecrets secrets;
    private final SplittableRandom random;
    // Made by the simulator's own thread on its first call, not by the constructor: building an
    // HttpClient reads the JDK's CA certificates, which the app's start-up should not wait behind.
    private HttpClient client;
    private final ScheduledExecutorService timer;
    private final String[] homeIps;

    TrafficSimulator(URI baseUrl, DemoData.SimulatorSecrets secrets, long seed) {
        this.endpoint = baseUrl.resolve("/v1/chat/completions");
        this.secrets = secrets;
        this.random = new SplittableRandom(seed ^ 0x7AFF1CL);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-traffic");
            t.setDaemon(true);
            return t;
        });
        this.homeIps = new String[Math.max(1, secrets.good().size())];
        for (int i = 0; i < homeIps.length; i++) {
            homeIps[i] = DemoData.ip(random);
        }
    }

    void start(Duration interval) {
        long millis = Math.max(10, interval.toMillis());
        timer.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", AGENTS[random.nextInt(AGENTS.length)])
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"multiroute/auto\",\"messages\":[{\"role\":"
                            + "\"user\",\"content\":\"" + PROMPTS[random.nextInt(PROMPTS.length)] + "\"}]}"));
            String key;
            String ip;
            int roll = random.nextInt(100);
            List<String> good = secrets.good();
            if (roll < 85 && !good.isEmpty()) {
                int which = random.nextInt(good.size());
                key = good.get(which);
                // the first good key roams (a mobile app); the others mostly stay at home
                ip = which == 0 || random.nextInt(10) == 0 ? DemoData.ip(random) : homeIps[which];
            } else {
                ip = random.nextInt(4) == 0 ? DemoData.BURST_IP : DemoData.ip(random);
                key = switch (random.nextInt(5)) {
                    case 0 -> secrets.revoked();
                    case 1 -> secrets.expired();
                    case 2 -> secrets.disabled();
                    case 3 -> null;
                    default -> StoredKey.LIVE_PREFIX + Base62.random(random, 32);
                };
            }
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            request.header("X-Sandbox-Client-IP", ip);
            if (client == null) {
                client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            }
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            LOG.debug("sandbox traffic: {} from {}", response.statusCode(), ip);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("sandbox traffic: call failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
