package io.keydeck.session;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.PartialAnswer;
import io.keydeck.gateway.fixture.FixtureServer;
import io.keydeck.gateway.fixture.FixtureServer.Reply;
import io.keydeck.gateway.fixture.RecordingSleeper;
import io.keydeck.gateway.openai.OpenAiDriver;
import io.keydeck.model.ApiKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a driver leaves out of an answer reaches whoever watches the connection (the window's banners), from
 * whichever view made the call: here the OpenAI driver's key list, whose costs report fails with 500 every time.
 */
class SpendUnknownReachesTheConnectionTest {
    private record Heard(ConnectionSession session, PartialAnswer answer) {
    }

    @Test
    void aKeyListWithoutSpendIsReportedToTheSessionsListener() throws Exception {
        try (FixtureServer server = FixtureServer.start()) {
            Reply failed = Reply.json(500, "{\"error\":{\"message\":\"Internal error\",\"type\":\"server_error\"}}");
            server.enqueue(failed, failed, failed, failed,
                    Reply.json(200, "{\"object\":\"list\",\"data\":[{\"object\":\"organization.admin_api_key\","
                            + "\"id\":\"key_abc\",\"name\":\"Main\",\"redacted_value\":\"sk-admin...def1\","
                            + "\"created_at\":1711471533}],\"has_more\":false}"),
                    Reply.json(200, "{\"data\":[],\"has_more\":false}"));
            GatewayDriver openAi = new OpenAiDriver(new RecordingSleeper().options());
            ConnectionSession session = ConnectionSession.of("Prod", false, openAi.connect(new GatewayTarget(
                    server.baseUrl(), AdminToken.of("sk-admin-session0000000"))));
            List<Heard> heard = new CopyOnWriteArrayList<>();
            session.onPartialAnswer((s, answer) -> heard.add(new Heard(s, answer)));

            List<ApiKey> keys = session.awaitClient().listAllKeys(false, n -> { });

            assertThat(keys).extracting(ApiKey::id).containsExactly("key_abc");
            assertThat(heard).singleElement().satisfies(h -> {
                assertThat(h.session()).isSameAs(session);
                assertThat(h.answer().part()).isEqualTo(PartialAnswer.SPEND);
                assertThat(h.answer().problem()).contains("costs report").contains("HTTP 500")
                        .contains("Spend per key is unknown");
            });
            session.close();
        }
    }
}
