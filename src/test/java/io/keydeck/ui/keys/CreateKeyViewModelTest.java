package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.SecretAlreadyShownException;
import io.keydeck.model.Capability;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.FxTestSupport;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.keys.CreateKeyViewModel.ExpiryChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

class CreateKeyViewModelTest {
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle(AppServices.MESSAGES, Locale.ENGLISH);
    private static final Clock CLOCK = Clock.fixed(TestKeys.NOW, ZoneOffset.UTC);

    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private final FakeGatewayClient client = new FakeGatewayClient(List.of(TestKeys.active("key_0001", "Checkout")))
            .withCapabilities(Capability.values());

    @BeforeAll
    static void toolkit() throws Exception {
        FxTestSupport.startToolkit();
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    private CreateKeyViewModel form() {
        return new CreateKeyViewModel(client.driver().knownScopes(), client.keysForTest(),
                new KeyCreation(client, tasks, "Cancelled."), MESSAGES, CLOCK);
    }

    @Test
    void anEmptyNameIsRefused() {
        CreateKeyViewModel form = form();
        form.nameProperty().set("   ");
        assertThat(form.nameErrorProperty().get()).isEqualTo("Enter a name.");
        assertThat(form.nameErrorShownProperty().get()).isEqualTo("Enter a name.");
        assertThat(form.validProperty().get()).isFalse();
    }

    @Test
    void anUntouchedFormIsRefusedButNotScolded() {
        CreateKeyViewModel form = form();
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.nameErrorShownProperty().get()).as("no error before any input").isEmpty();
        form.nameProperty().set("a");
        form.nameProperty().set("");
        assertThat(form.nameErrorShownProperty().get()).isEqualTo("Enter a name.");
    }

    @Test
    void aNameOfHundredCharactersIsFineButNotOfHundredAndOne() {
        CreateKeyViewModel form = form();
        form.nameProperty().set("n".repeat(100));
        assertThat(form.validProperty().get()).isTrue();
        form.nameProperty().set("n".repeat(101));
        assertThat(form.nameErrorProperty().get()).contains("at most 100 characters").contains("101");
        assertThat(form.validProperty().get()).isFalse();
    }

    @Test
    void aDuplicateNameWarnsButDoesNotBlock() {
        CreateKeyViewModel form = form();
        form.nameProperty().set(" checkout ");
        assertThat(form.nameWarningProperty().get()).contains("\u201ccheckout\u201d already exists");
        assertThat(form.validProperty().get()).isTrue();
        form.nameProperty().set("Checkout v2");
        assertThat(form.nameWarningProperty().get()).isEmpty();
    }

    @Test
    void aPastOrTodaysDateIsRefusedAndAFutureOneBecomesTheExpiry() {
        CreateKeyViewModel form = form();
        form.nameProperty().set("Nightly");
        form.expiryProperty().set(ExpiryChoice.DATE);
        assertThat(form.dateErrorProperty().get()).isEqualTo("Pick the day the key expires.");
        form.expiryDateProperty().set(LocalDate.of(2026, 3, 1));
        assertThat(form.dateErrorProperty().get()).contains("after today");
        assertThat(form.validProperty().get()).isFalse();
        form.expiryDateProperty().set(LocalDate.of(2026, 3, 10));
        assertThat(form.validProperty().get()).isFalse();
        form.expiryDateProperty().set(LocalDate.of(2026, 4, 1));
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.request().expiresAt()).isEqualTo(LocalDate.of(2026, 4, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void theRequestCarriesScopesEnvironmentAndLifetime() {
        CreateKeyViewModel form = form();
        form.nameProperty().set("  Batch  ");
        form.scopes().get(1).selected().set(true);
        form.environmentProperty().set(KeyEnvironment.TEST);
        form.expiryProperty().set(ExpiryChoice.DAYS_30);
        var request = form.request();
        assertThat(request.name()).isEqualTo("Batch");
        assertThat(request.scopes()).containsExactly("models:read");
        assertThat(request.environment()).isEqualTo(KeyEnvironment.TEST);
        assertThat(request.expiresAt()).isEqualTo(TestKeys.NOW.plus(Duration.ofDays(30)));
        form.expiryProperty().set(ExpiryChoice.NONE);
        assertThat(form.request().expiresAt()).isNull();
    }

    @Test
    void aRetryAfterAFailureReusesTheIdempotencyKeyAndKeepsTheForm() throws Exception {
        client.failingCreatesWith(new GatewayException(GatewayException.Kind.SERVER, 503, "overloaded",
                "The gateway is overloaded", "req_503"));
        CreateKeyViewModel form = form();
        onFx(() -> {
            form.nameProperty().set("Retry me");
            form.submit();
        });
        waitUntil(10, () -> !form.creation().errorTextProperty().get().isEmpty());
        assertThat(onFx(() -> form.creation().errorTextProperty().get()))
                .contains("The gateway is overloaded").contains("req_503");
        assertThat(onFx(() -> form.nameProperty().get())).isEqualTo("Retry me");

        onFx(form::submit);
        waitUntil(10, () -> form.creation().createdProperty().get() != null);
        assertThat(client.idempotencyKeys()).hasSize(2);
        assertThat(client.idempotencyKeys().get(1)).isEqualTo(client.idempotencyKeys().get(0));
    }

    @Test
    void aChangedFormAfterAFailureIsANewRequest() throws Exception {
        client.failingCreatesWith(new GatewayException(GatewayException.Kind.NETWORK, 0, null, "timed out", null));
        CreateKeyViewModel form = form();
        onFx(() -> {
            form.nameProperty().set("First");
            form.submit();
        });
        waitUntil(10, () -> !form.creation().errorTextProperty().get().isEmpty());
        onFx(() -> {
            form.nameProperty().set("Second");
            form.submit();
        });
        waitUntil(10, () -> form.creation().createdProperty().get() != null);
        assertThat(client.idempotencyKeys()).doesNotHaveDuplicates().hasSize(2);
        assertThat(onFx(() -> form.creation().createdProperty().get().key().name())).isEqualTo("Second");
    }

    @Test
    void aReplayedCreatePointsAtTheExistingKey() throws Exception {
        var existing = TestKeys.active("key_0042", "Replayed");
        client.failingCreatesWith(new SecretAlreadyShownException(existing, 201, "req_replay"));
        CreateKeyViewModel form = form();
        onFx(() -> {
            form.nameProperty().set("Replayed");
            form.submit();
        });
        waitUntil(10, () -> form.creation().alreadyCreatedProperty().get() != null);
        assertThat(onFx(() -> form.creation().errorTextProperty().get()))
                .contains("\"Replayed\"").contains(existing.hint()).contains("shows a secret only once");
        assertThat(onFx(() -> form.creation().createdProperty().get())).isNull();
    }

    @Test
    void aCancelledCreateFreesTheFormAndWipesASecretThatArrivesAfterwards() throws Exception {
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        client.creatingOnlyAfter(gate);
        CreateKeyViewModel form = form();
        form.nameProperty().set("slow gateway");

        FxTestSupport.onFx(() -> {
            form.submit();
            return null;
        });
        FxTestSupport.waitUntil(5, () -> client.idempotencyKeys().size() == 1);
        assertThat(FxTestSupport.onFx(() -> form.creation().busyProperty().get())).isTrue();
        FxTestSupport.onFx(() -> {
            form.creation().cancel();
            return null;
        });
        FxTestSupport.waitUntil(5, () -> !FxTestSupport.onFx(() -> form.creation().busyProperty().get()));
        assertThat(FxTestSupport.onFx(() -> form.creation().errorTextProperty().get())).isEqualTo("Cancelled.");

        gate.countDown(); // the gateway answers after all
        FxTestSupport.waitUntil(5, () -> client.issued().size() == 1 && client.issued().get(0).isWiped());
        assertThat(FxTestSupport.onFx(() -> form.creation().createdProperty().get())).isNull();
    }

    /** What the form's warning says about Review holds for every admin scope the multiroute gateway offers. */
    @Test
    void theAdminScopeWarningSaysWhatReviewDoesWithEachScope() {
        List<String> scopes = io.keydeck.gateway.GatewayDriver.byId("multiroute").orElseThrow().knownScopes();
        CreateKeyViewModel form = new CreateKeyViewModel(scopes, List.of(),
                new KeyCreation(client, tasks, "Cancelled."), MESSAGES, CLOCK);
        assertThat(form.adminScopes()).isNotEmpty();
        for (CreateKeyViewModel.ScopeChoice choice : form.adminScopes()) {
            form.scopes().forEach(c -> c.selected().set(false));
            choice.selected().set(true);
            io.keydeck.model.ApiKey key = TestKeys.key("key_0009", "Tool", KeyEnvironment.LIVE,
                    List.of(choice.scope()), Duration.ofDays(3), null, null, false, false);
            boolean flaggedHigh = io.keydeck.review.ReviewRules.review(new io.keydeck.review.ReviewInput("C", false,
                    List.of(key), List.of(), io.keydeck.review.Thresholds.DEFAULTS), TestKeys.NOW).stream()
                    .anyMatch(f -> f.ruleId().equals("broad-scopes")
                            && f.severity() == io.keydeck.review.Severity.HIGH);
            assertThat(form.adminWarningProperty().get()).as(choice.scope())
                    .startsWith(choice.scope() + " lets anyone holding this key")
                    .contains(flaggedHigh ? "Review flags such a key High" : "Review does not flag read scopes");
        }
        form.scopes().forEach(c -> c.selected().set(false));
        form.inferenceScopes().forEach(c -> c.selected().set(true));
        assertThat(form.adminWarningProperty().get()).isEmpty();
    }
}
