package io.keydeck.ui.connections;

import io.keydeck.model.VisibleText;
import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.model.Capability;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.settings.ProfileProblem;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.RelativeTime;
import io.keydeck.vault.AdminTokenClaims;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

import java.net.URI;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The connection form: its fields, what is wrong with them (checked as the user types), what the typed
 * token says about itself, and the outcome of "Test connection". Editing never shows the stored token;
 * it stays unless a new one is typed. FX thread only; the test runs on the background pool.
 */
public final class ConnectionDialogViewModel {

    /** How the last "Test connection" ended. */
    public enum TestOutcome { NONE, RUNNING, SUCCEEDED, FAILED }

    private final ConnectionProfile original;
    private final Collection<ConnectionProfile> others;
    private final List<GatewayDriver> drivers;
    private final String vaultDescription;
    private final Supplier<Optional<char[]>> storedToken;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final TokenReport report;

    private final StringProperty displayName = new SimpleStringProperty("");
    private final ObjectProperty<GatewayDriver> driver = new SimpleObjectProperty<>();
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final ObjectProperty<EnvironmentTag> environment = new SimpleObjectProperty<>(EnvironmentTag.PRODUCTION);
    private final StringProperty deadline = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper deadlineProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper driverProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper baseUrlProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tokenProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tokenDetails = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TestOutcome> testOutcome = new ReadOnlyObjectWrapper<>(TestOutcome.NONE);
    private final Set<Observable> touched = new HashSet<>();
    private Task<String> test;

    /**
     * @param original    the connection being edited, or null to add one
     * @param storedToken reads the saved token of {@code original} (blocking; for "Test connection")
     */
    public ConnectionDialogViewModel(ConnectionProfile original, Collection<ConnectionProfile> others,
                                     List<GatewayDriver> drivers, String vaultDescription,
                                     Supplier<Optional<char[]>> storedToken, BackgroundTasks tasks,
                                     ResourceBundle messages, RelativeTime time) {
        this.original = original;
        this.others = List.copyOf(others);
        this.drivers = List.copyOf(drivers);
        this.vaultDescription = vaultDescription;
        this.storedToken = storedToken;
        this.tasks = tasks;
        this.messages = messages;
        this.report = new TokenReport(messages, time);
        if (original != null) {
            displayName.set(original.displayName());
            baseUrl.set(original.baseUrl());
            environment.set(original.environmentTag());
            deadline.set(original.options().getOrDefault(ConnectionProfile.DEADLINE_OPTION, ""));
            driver.set(drivers.stream().filter(d -> d.id().equals(original.driverId())).findFirst().orElse(null));
            touched.addAll(List.of(displayName, baseUrl, driver));
        } else {
            driver.set(drivers.stream().filter(d -> d.id().equals(ConnectionProfile.SANDBOX_DRIVER)).findFirst()
                    .orElse(drivers.isEmpty() ? null : drivers.get(0)));
        }
        for (Observable field : List.of(displayName, driver, baseUrl, token, environment, deadline)) {
            field.addListener(changed -> {
                touched.add(changed);
                validate();
            });
        }
        validate();
    }

    public boolean isEditing() {
        return original != null;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public ObjectProperty<GatewayDriver> driverProperty() {
        return driver;
    }

    /** Every installed driver, for the gateway choice. */
    public List<GatewayDriver> drivers() {
        return drivers;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    /** The token being typed; empty when editing means "keep the stored one". */
    public StringProperty tokenProperty() {
        return token;
    }

    public ObjectProperty<EnvironmentTag> environmentProperty() {
        return environment;
    }

    /** Seconds for one gateway operation, retries included; empty for the default (60 s). */
    public StringProperty deadlineProperty() {
        return deadline;
    }

    public ReadOnlyStringProperty deadlineProblemProperty() {
        return deadlineProblem.getReadOnlyProperty();
    }

    public List<EnvironmentTag> environments() {
        return List.of(EnvironmentTag.values());
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty driverProblemProperty() {
        return driverProblem.getReadOnlyProperty();
    }

    /** Why the URL cannot be used (e.g. plain http to a remote host); empty when it can. */
    public ReadOnlyStringProperty baseUrlProblemProperty() {
        return baseUrlProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tokenProblemProperty() {
        return tokenProblem.getReadOnlyProperty();
    }

    /** What the typed token says about itself (JWT subject, scopes, expiry), never the token. */
    public ReadOnlyStringProperty tokenDetailsProperty() {
        return tokenDetails.getReadOnlyProperty();
    }

    /** Under the token field: where the token is kept, and for an edit that empty keeps it. */
    public String tokenHint() {
        return MessageFormat.format(messages.getString(isEditing() ? "connectionDialog.tokenStored"
                : "connectionDialog.tokenNew"), vaultDescription);
    }

    /** True when the form can be saved. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TestOutcome> testOutcomeProperty() {
        return testOutcome.getReadOnlyProperty();
    }

    /** The profile as typed; the id of the edited connection is kept. */
    public ConnectionProfile profile() {
        String driverId = driver.get() == null ? "" : driver.get().id();
        ConnectionProfile typed = original != null
                ? new ConnectionProfile(original.id(), displayName.get(), driverId, baseUrl.get(),
                        environment.get(), original.demo(), original.options())
                : ConnectionProfile.create(displayName.get(), driverId, baseUrl.get(), environment.get());
        Map<String, String> options = new java.util.LinkedHashMap<>(typed.options());
        String seconds = deadline.get() == null ? "" : deadline.get().strip();
        if (seconds.isEmpty()) {
            options.remove(ConnectionProfile.DEADLINE_OPTION);
        } else {
            options.put(ConnectionProfile.DEADLINE_OPTION, seconds);
        }
        return typed.withOptions(options);
    }

    /** A copy of the typed token (the caller wipes it), or empty when none was typed. */
    public Optional<char[]> typedToken() {
        String typed = token.get() == null ? "" : token.get().strip();
        return typed.isEmpty() ? Optional.empty() : Optional.of(typed.toCharArray());
    }

    /** Forgets the typed token once the dialog is done with it. */
    public void clearToken() {
        token.set("");
    }

    /** Connects with the typed (or stored) token and asks the gateway who the token is. */
    public void testConnection() {
        if (test != null) {
            test.cancel();
        }
        GatewayDriver chosen = driver.get();
        Optional<String> blocking = profileProblems().stream()
                .filter(p -> p.field() != ProfileProblem.Field.DISPLAY_NAME).map(ProfileProblem::message).findFirst();
        if (chosen == null || blocking.isPresent()) {
            testOutcome.set(TestOutcome.FAILED);
            testResult.set(blocking.orElse(""));
            return;
        }
        Optional<char[]> typed = typedToken();
        String url = baseUrl.get().strip();
        Map<String, String> options = profile().options();
        Task<String> task = new Task<>() {
            @Override
            protected String call() throws Exception {
                char[] secret = typed.or(storedToken).orElseThrow(() -> new IllegalStateException(
                        messages.getString("connectionDialog.testNoToken")));
                try {
                    AdminTokenClaims claims = AdminTokenClaims.inspect(secret);
                    try (GatewayClient client = chosen.connect(new GatewayTarget(URI.create(url),
                            AdminToken.of(secret), options))) {
                        if (chosen.capabilities().contains(Capability.TOKEN_INFO)) {
                            return report.testSucceeded(chosen, Optional.of(client.tokenInfo()), claims);
                        }
                        client.listKeys(null, 1, false);
                        return report.testSucceeded(chosen, Optional.empty(), claims);
                    }
                } finally {
                    Arrays.fill(secret, '\0');
                }
            }
        };
        test = task;
        testOutcome.set(TestOutcome.RUNNING);
        testResult.set(messages.getString("connectionDialog.testing"));
        task.setOnSucceeded(e -> {
            testOutcome.set(TestOutcome.SUCCEEDED);
            testResult.set(task.getValue());
        });
        task.setOnFailed(e -> {
            Throwable failure = task.getException();
            String reason = failure instanceof GatewayException gatewayException ? gatewayException.describe()
                    : failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            testOutcome.set(TestOutcome.FAILED);
            testResult.set(MessageFormat.format(messages.getString("connectionDialog.test.failed"),
                    VisibleText.escape(reason, 2000)));
        });
        task.setOnCancelled(e -> testOutcome.set(TestOutcome.NONE));
        tasks.run(task);
    }

    /** Stops a test still running, e.g. when the dialog closes. */
    public void cancelTest() {
        if (test != null) {
            test.cancel();
        }
    }

    private void validate() {
        List<ProfileProblem> problems = profileProblems();
        nameProblem.set(shown(displayName, problems, ProfileProblem.Field.DISPLAY_NAME));
        driverProblem.set(shown(driver, problems, ProfileProblem.Field.DRIVER));
        baseUrlProblem.set(shown(baseUrl, problems, ProfileProblem.Field.BASE_URL));
        deadlineProblem.set(shown(deadline, problems, ProfileProblem.Field.DEADLINE));
        boolean tokenMissing = !isEditing() && typedToken().isEmpty();
        tokenProblem.set(tokenMissing && touched.contains(token) ? messages.getString("connectionDialog.tokenMissing") : "");
        tokenDetails.set(describeTypedToken());
        valid.set(problems.isEmpty() && !tokenMissing);
    }

    private List<ProfileProblem> profileProblems() {
        Set<String> driverIds = drivers.stream().map(GatewayDriver::id).collect(Collectors.toSet());
        return profile().problems(others, driverIds);
    }

    private String shown(Observable field, List<ProfileProblem> problems, ProfileProblem.Field which) {
        if (!touched.contains(field)) {
            return "";
        }
        return problems.stream().filter(p -> p.field() == which).map(ProfileProblem::message).findFirst().orElse("");
    }

    private String describeTypedToken() {
        Optional<char[]> typed = typedToken();
        if (typed.isEmpty()) {
            return "";
        }
        char[] chars = typed.get();
        try {
            return report.typedToken(AdminTokenClaims.inspect(chars));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
