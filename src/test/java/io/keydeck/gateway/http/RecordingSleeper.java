package io.keydeck.gateway.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the delays the retry policy chose instead of waiting them, so retry tests run instantly. */
public final class RecordingSleeper implements RetryPolicy.Sleeper {
    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        delays.add(duration);
    }

    public List<Duration> delays() {
        return List.copyOf(delays);
    }

    /** Options with default timeouts and retry limits, but recorded instead of real waits. */
    public HttpOptions options() {
        return HttpOptions.defaults().withRetry(RetryPolicy.defaults().withSleeper(this));
    }
}
