package io.keydeck.ui.usage;

import io.keydeck.model.VisibleText;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.UsagePoint;
import io.keydeck.model.UsageSeries;
import io.keydeck.session.ConnectionSession;
import io.keydeck.usage.UsageBreakdown;
import io.keydeck.usage.UsageRange;
import javafx.concurrent.Task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/** Loads one range of usage and the range before it, with the key names (cached per connection). */
final class LoadUsageTask extends Task<UsageData> {
    /** A key name longer than this is cut with an ellipsis (gateway text; see VisibleText). */
    private static final int NAME_CHARS = 120;
    private final ConnectionSession session;
    private final UsageRange range;
    private final Map<String, String> cachedNames;
    private final ResourceBundle messages;

    LoadUsageTask(ConnectionSession session, UsageRange range, Map<String, String> cachedNames,
                  ResourceBundle messages) {
        this.session = session;
        this.range = range;
        this.cachedNames = cachedNames;
        this.messages = messages;
    }

    @Override
    protected UsageData call() throws GatewayException, InterruptedException {
        if (!session.isReady()) {
            updateMessage(session.openingMessage());
        }
        GatewayClient client = session.awaitClient();
        if (!client.driver().capabilities().contains(Capability.USAGE)) {
            return UsageData.unsupported(client.driver().unsupportedReason(Capability.USAGE));
        }
        updateMessage(messages.getString("usage.loading"));
        Map<String, String> names = cachedNames;
        if (names == null) {
            names = new HashMap<>();
            for (ApiKey key : client.listAllKeys(true, count -> { })) {
                names.put(key.id(), VisibleText.escape(key.name() == null || key.name().isEmpty() ? key.id() : key.name(),
                        NAME_CHARS));
            }
        }
        UsageSeries current = client.usage(range.query().withCost());
        List<UsagePoint> points = current.points();
        UsageRange before = range.previous();
        List<UsagePoint> previousPoints = client.usage(before.query().withCost()).points();
        return new UsageData(UsageBreakdown.of(range, points), UsageBreakdown.of(before, previousPoints), points,
                Map.copyOf(names), null, current.costNote());
    }
}
