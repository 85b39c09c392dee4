package io.keydeck.gateway.multiroute;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.fixture.RecordingSleeper;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Scans every debug log line and error message of a busy session for tokens and secrets. */
class NoSecretReachesLogsOrErrorsTest {
    private SandboxGateway sandbox;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger logger;
    private Level previousLevel;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false));
        logger = (Logger) LoggerFactory.getLogger("io.keydeck.gateway");
        previousLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        sandbox.close();
    }

    private GatewayClient connect(String token) throws GatewayException {
        return new MultiRouteDriver(new RecordingSleeper().options())
                .connect(new GatewayTarget(sandbox.baseUrl(), AdminToken.of(token)));
    }

    @Test
    void tokensAndTheNewSecretAppearInNoLogLineAndNoErrorMessage() throws Exception {
        String admin = sandbox.adminToken();
        String jwt = sandbox.mintAdminJwt("reader", List.of("keys:read"), Duration.ofHours(1));
        String wrong = "mrk_admin_" + "Q".repeat(32);
        List<String> shown = new ArrayList<>();
        String secret;

        try (GatewayClient client = connect(admin)) {
            try (IssuedSecret issued = client.createKey(new NewKeyRequest("scan", List.of("chat:write"),
                    KeyEnvironment.LIVE, null), UUID.randomUUID().toString())) {
                secret = new String(issued.secret());
                shown.add(issued.toString());
                shown.add(issued.key().toString());
            }
            client.listAllKeys(true, n -> { });
            sandbox.faults().failNext(4, 429, Duration.ofSeconds(1));
            collect(shown, () -> client.tokenInfo());
        }
        try (GatewayClient reader = connect(jwt)) {
            collect(shown, () -> reader.createKey(new NewKeyRequest("no", List.of(), null, null), "k"));
        }
        try (GatewayClient intruder = connect(wrong)) {
            collect(shown, intruder::tokenInfo);
        }

        for (ILoggingEvent event : appender.list) {
            shown.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                shown.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(appender.list).isNotEmpty();
        assertThat(shown).hasSizeGreaterThan(5).allSatisfy(text -> assertThat(text)
                .doesNotContain(admin).doesNotContain(jwt).doesNotContain(wrong).doesNotContain(secret)
                .doesNotContain(secret.substring(9, 25)));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void collect(List<String> shown, Call call) throws Exception {
        try {
            call.run();
            throw new AssertionError("expected the gateway to refuse");
        } catch (GatewayException e) {
            shown.add(e.getMessage());
            shown.add(e.describe());
            shown.add(e.toString());
        }
    }
}
