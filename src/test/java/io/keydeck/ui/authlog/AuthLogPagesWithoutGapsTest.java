package io.keydeck.ui.authlog;

import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.Page;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.startToolkit;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Scrolling through 2,500 events 100 at a time loads each exactly once, newest first. */
class AuthLogPagesWithoutGapsTest {
    private static SandboxSession session;

    @BeforeAll
    static void start() throws Exception {
        startToolkit();
        SandboxGateway sandbox = SandboxGateway.start(SandboxOptions.defaults().withAuthEvents(2_500).withTraffic(false));
        session = new SandboxSession(sandbox, sandbox.adminToken());
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void everyPageContinuesWhereTheLastEnded() throws Exception {
        AuthLogViewModel viewModel = onFx(() -> session.viewModel(100, 100_000));
        onFx(() -> viewModel.timeRangeProperty().set(AuthLogViewModel.TimeRange.ALL));
        waitUntil(20, () -> viewModel.events().size() == 100 && !viewModel.loadingProperty().get());
        int pages = 1;
        while (onFx(() -> viewModel.hasMoreProperty().get())) {
            int before = onFx(() -> viewModel.events().size());
            onFx(viewModel::loadMore);
            waitUntil(20, () -> viewModel.events().size() > before && !viewModel.loadingProperty().get());
            pages++;
        }

        List<AuthEvent> shown = onFx(() -> List.copyOf(viewModel.events()));
        assertThat(pages).isEqualTo(25);
        assertThat(shown).extracting(AuthEvent::id).hasSize(2_500).doesNotHaveDuplicates()
                .containsExactlyElementsOf(allIdsInOneGo());
        for (int i = 1; i < shown.size(); i++) {
            assertThat(shown.get(i).occurredAt()).isBeforeOrEqualTo(shown.get(i - 1).occurredAt());
        }
    }

    @Test
    void theWindowStopsAtItsCapacityAndSaysSo() throws Exception {
        AuthLogViewModel viewModel = onFx(() -> session.viewModel(100, 250));
        onFx(() -> viewModel.timeRangeProperty().set(AuthLogViewModel.TimeRange.ALL));
        waitUntil(20, () -> viewModel.events().size() == 100 && !viewModel.loadingProperty().get());
        for (int i = 0; i < 5; i++) {
            onFx(viewModel::loadMore);
            waitUntil(20, () -> !viewModel.loadingProperty().get());
        }
        assertThat(onFx(() -> viewModel.events().size())).isEqualTo(250);
        assertThat(onFx(() -> viewModel.hasMoreProperty().get())).isFalse();
        assertThat(onFx(() -> viewModel.summaryProperty().get())).contains("Only the newest 250");
    }

    private static List<String> allIdsInOneGo() throws Exception {
        List<String> ids = new ArrayList<>();
        AuthEventQuery query = AuthEventQuery.firstPage(1000);
        Page<AuthEvent> page;
        do {
            page = session.client.authEvents(query);
            page.items().forEach(e -> ids.add(e.id()));
            query = query.after(page.nextCursor());
        } while (page.hasMore());
        return ids;
    }
}
