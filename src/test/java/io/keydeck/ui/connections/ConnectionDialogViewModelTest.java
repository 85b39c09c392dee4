package io.keydeck.ui.connections;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.multiroute.MultiRouteDriver;
import io.keydeck.model.Capability;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.FxTestSupport;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.RelativeTime;
import io.keydeck.ui.connections.ConnectionDialogViewModel.TestOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Supplier;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The connection form: live validation, the installed drivers, and "Test connection" against a real sandbox. */
class ConnectionDialogViewModelTest {
    private static SandboxGateway sandbox;
    private final ResourceBundle messages = ResourceBundle.getBundle(AppServices.MESSAGES);
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private final RelativeTime time = new RelativeTime(Clock.systemUTC(), messages);

    @BeforeAll
    static void startSandbox() throws Exception {
        FxTestSupport.startToolkit();
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withKeys(6));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    private ConnectionDialogViewModel form(ConnectionProfile original, List<ConnectionProfile> others,
                                           List<GatewayDriver> drivers, Supplier<Optional<char[]>> stored) {
        return new ConnectionDialogViewModel(original, others, drivers, "the test keyring", stored, tasks, messages, time);
    }

    private ConnectionDialogViewModel newForm() {
        return form(null, List.of(), GatewayDriver.installed(), Optional::empty);
    }

    @Test
    void theGatewayChoiceListsTheDriversFoundByServiceLoaderAndStartsOnMultiRoute() throws Exception {
        ConnectionDialogViewModel form = onFx(this::newForm);

        assertThat(form.drivers()).extracting(GatewayDriver::displayName)
                .contains("MultiRoute", "OpenRouter", "Anthropic", "LiteLLM proxy", "Test-only gateway");
        assertThat(onFx(() -> form.driverProperty().get().id())).isEqualTo("multiroute");
    }

    @Test
    void theDeadlineIsKeptPerConnectionAndABadOneIsNamedUnderTheField() throws Exception {
        ConnectionProfile saved = ConnectionProfile.create("Slow proxy", "litellm", "https://llm.example.com",
                EnvironmentTag.PRODUCTION).withOptions(java.util.Map.of(ConnectionProfile.DEADLINE_OPTION, "30"));
        ConnectionDialogViewModel form = onFx(() -> form(saved, List.of(), GatewayDriver.installed(), Optional::empty));
        assertThat(onFx(() -> form.deadlineProperty().get())).isEqualTo("30");
        assertThat(ConnectionProfile.DEADLINE_OPTION).as("the option the gateway reads")
                .isEqualTo(io.keydeck.gateway.GatewayLimits.DEADLINE_OPTION);

        onFx(() -> form.deadlineProperty().set("two minutes"));
        assertThat(onFx(() -> form.deadlineProblemProperty().get()))
                .isEqualTo("The deadline must be a whole number of seconds from 1 to 3600, was \"two minutes\".");
        assertThat(onFx(() -> form.validProperty().get())).isFalse();
        onFx(() -> form.deadlineProperty().set("7200"));
        assertThat(onFx(() -> form.deadlineProblemProperty().get())).contains("was \"7200\"");

        onFx(() -> form.deadlineProperty().set(" 120 "));
        assertThat(onFx(() -> form.deadlineProblemProperty().get())).isEmpty();
        assertThat(onFx(() -> form.validProperty().get())).isTrue();
        assertThat(onFx(() -> form.profile().options())).containsEntry(ConnectionProfile.DEADLINE_OPTION, "120");
        assertThat(io.keydeck.gateway.GatewayLimits.forOptions(onFx(() -> form.profile().options())).deadline())
                .isEqualTo(java.time.Duration.ofSeconds(120));

        onFx(() -> form.deadlineProperty().set(""));
        assertThat(onFx(() -> form.profile().options())).as("empty: the default")
                .doesNotContainKey(ConnectionProfile.DEADLINE_OPTION);
    }

    @Test
    void plainHttpToAnotherComputerIsRefusedUnderTheField() throws Exception {
        ConnectionDialogViewModel form = onFx(this::newForm);

        onFx(() -> form.baseUrlProperty().set("http://gateway.example.com"));
        assertThat(onFx(() -> form.baseUrlProblemProperty().get())).contains("Plain http:// is only allowed")
                .contains("https://");

        onFx(() -> form.baseUrlProperty().set("https://gateway.example.com"));
        assertThat(onFx(() -> form.baseUrlProblemProperty().get())).isEmpty();

        onFx(() -> form.baseUrlProperty().set("http://127.0.0.1:8787"));
        assertThat(onFx(() -> form.baseUrlProblemProperty().get())).isEmpty();
    }

    @Test
    void aNewConnectionNeedsANameThatIsNotTakenAndAToken() throws Exception {
        ConnectionProfile taken = ConnectionProfile.create("Production EU", "multiroute", "https://eu.example.com",
                EnvironmentTag.PRODUCTION);
        ConnectionDialogViewModel form = onFx(() -> form(null, List.of(taken), GatewayDriver.installed(),
                Optional::empty));
        assertThat(onFx(() -> form.nameProblemProperty().get())).as("no message before the user typed").isEmpty();

        onFx(() -> {
            form.displayNameProperty().set("production eu");
            form.baseUrlProperty().set("https://us.example.com");
            form.tokenProperty().set("x");
            form.tokenProperty().set("");
        });
        assertThat(onFx(() -> form.nameProblemProperty().get())).contains("already called");
        assertThat(onFx(() -> form.tokenProblemProperty().get())).isEqualTo("Paste the gateway's admin token.");
        assertThat(onFx(() -> form.validProperty().get())).isFalse();

        onFx(() -> {
            form.displayNameProperty().set("Production US");
            form.tokenProperty().set("mrk_admin_abc");
        });
        assertThat(onFx(() -> form.nameProblemProperty().get())).isEmpty();
        assertThat(onFx(() -> form.validProperty().get())).isTrue();
    }

    @Test
    void editingKeepsTheIdAndNeverShowsTheStoredToken() throws Exception {
        ConnectionProfile saved = ConnectionProfile.create("Staging", "multiroute", "https://staging.example.com",
                EnvironmentTag.STAGING);
        ConnectionDialogViewModel form = onFx(() -> form(saved, List.of(saved), GatewayDriver.installed(),
                () -> Optional.of("mrk_admin_stored".toCharArray())));

        assertThat(onFx(() -> form.tokenProperty().get())).isEmpty();
        assertThat(form.tokenHint()).contains("Stored in: the test keyring").contains("Leave empty to keep it");
        assertThat(onFx(() -> form.validProperty().get())).as("no token needed to save an edit").isTrue();
        onFx(() -> form.displayNameProperty().set("Staging EU"));
        assertThat(onFx(form::profile).id()).isEqualTo(saved.id());
        assertThat(onFx(form::profile).environmentTag()).isEqualTo(EnvironmentTag.STAGING);
        assertThat(onFx(form::typedToken)).isEmpty();
    }

    @Test
    void aTypedJwtIsReadForItsSubjectScopesAndExpiry() throws Exception {
        String jwt = sandbox.mintAdminJwt("ci-reader", List.of("keys:read", "usage:read"), Duration.ofDays(3));
        ConnectionDialogViewModel form = onFx(this::newForm);

        onFx(() -> form.tokenProperty().set(jwt));

        String details = onFx(() -> form.tokenDetailsProperty().get());
        assertThat(details).contains("ci-reader").contains("keys:read, usage:read").contains("in 3 days")
                .contains("lacks keys:manage").contains("expires within 7 days").doesNotContain(jwt);
    }

    @Test
    void testConnectionShowsWhoTheTokenIsAndWhatTheDriverCanDo() throws Exception {
        String jwt = sandbox.mintAdminJwt("ci-reader", List.of("keys:read", "usage:read"), Duration.ofDays(30));
        ConnectionDialogViewModel form = onFx(this::newForm);
        onFx(() -> {
            form.displayNameProperty().set("Second sandbox");
            form.baseUrlProperty().set(sandbox.baseUrl().toString());
            form.tokenProperty().set(jwt);
            form.testConnection();
        });
        waitUntil(15, () -> form.testOutcomeProperty().get() != TestOutcome.RUNNING);

        assertThat(onFx(() -> form.testOutcomeProperty().get())).isEqualTo(TestOutcome.SUCCEEDED);
        String result = onFx(() -> form.testResultProperty().get());
        assertThat(result).contains("The token is ci-reader").contains("Scopes: keys:read, usage:read")
                .contains("Expires: ").contains("in 30 days").contains("lacks keys:manage")
                .contains("This driver can: list keys, create keys, revoke keys").doesNotContain(jwt);
    }

    @Test
    void testConnectionNamesWhatTheDriverCannotDoAndWhy() throws Exception {
        GatewayDriver readOnly = new ReadOnlyMultiRoute();
        ConnectionDialogViewModel form = onFx(() -> form(null, List.of(), List.of(readOnly), Optional::empty));
        onFx(() -> {
            form.displayNameProperty().set("Read-only router");
            form.baseUrlProperty().set(sandbox.baseUrl().toString());
            form.tokenProperty().set(sandbox.adminToken());
            form.testConnection();
        });
        waitUntil(15, () -> form.testOutcomeProperty().get() != TestOutcome.RUNNING);

        String result = onFx(() -> form.testResultProperty().get());
        assertThat(onFx(() -> form.testOutcomeProperty().get())).isEqualTo(TestOutcome.SUCCEEDED);
        assertThat(result).contains("This driver can: list keys, token info")
                .contains("Not available: create keys — This router cannot create keys from its API.")
                .contains("Not available: revoke keys");
    }

    @Test
    void aWrongTokenShowsTheGatewaysCodeAndRequestId() throws Exception {
        ConnectionDialogViewModel form = onFx(this::newForm);
        onFx(() -> {
            form.displayNameProperty().set("Second sandbox");
            form.baseUrlProperty().set(sandbox.baseUrl().toString());
            form.tokenProperty().set("mrk_admin_" + "0".repeat(32));
            form.testConnection();
        });
        waitUntil(15, () -> form.testOutcomeProperty().get() != TestOutcome.RUNNING);

        assertThat(onFx(() -> form.testOutcomeProperty().get())).isEqualTo(TestOutcome.FAILED);
        assertThat(onFx(() -> form.testResultProperty().get())).startsWith("The connection failed: ")
                .contains("invalid_api_key").contains("HTTP 401").containsPattern("request id req_\\w+")
                .doesNotContain("0".repeat(32));
    }

    @Test
    void testingAnEditedConnectionUsesTheStoredToken() throws Exception {
        ConnectionProfile saved = ConnectionProfile.create("Second sandbox", "multiroute", sandbox.baseUrl().toString(),
                EnvironmentTag.DEVELOPMENT);
        String jwt = sandbox.mintAdminJwt("stored-bot", List.of("keys:read", "keys:manage"), null);
        ConnectionDialogViewModel form = onFx(() -> form(saved, List.of(saved), GatewayDriver.installed(),
                () -> Optional.of(jwt.toCharArray())));

        onFx(form::testConnection);
        waitUntil(15, () -> form.testOutcomeProperty().get() != TestOutcome.RUNNING);

        assertThat(onFx(() -> form.testResultProperty().get())).contains("The token is stored-bot")
                .contains("Expires: never").doesNotContain("lacks keys:manage");
    }

    /** MultiRoute as a gateway that can only read, to see the form explain what is missing. */
    private static final class ReadOnlyMultiRoute implements GatewayDriver {
        private final MultiRouteDriver real = new MultiRouteDriver();

        @Override
        public String id() {
            return "read-only";
        }

        @Override
        public String displayName() {
            return "Read-only router";
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.of(Capability.LIST_KEYS, Capability.TOKEN_INFO);
        }

        @Override
        public String unsupportedReason(Capability capability) {
            return capability == Capability.CREATE_KEY ? "This router cannot create keys from its API."
                    : GatewayDriver.super.unsupportedReason(capability);
        }

        @Override
        public GatewayClient connect(GatewayTarget target) throws GatewayException {
            return real.connect(target);
        }
    }
}
