package io.keydeck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.keydeck.settings.ProfileProblem.Field;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionProfileTest {
    private static final Set<String> DRIVERS = Set.of("multiroute", "openrouter");

    private static List<ProfileProblem> problemsOf(ConnectionProfile profile, ConnectionProfile... others) {
        return profile.problems(List.of(others), DRIVERS);
    }

    private static ConnectionProfile withUrl(String url) {
        return ConnectionProfile.create("Gateway", "multiroute", url, EnvironmentTag.STAGING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://x", "https://api.example.com/v1", "http://127.0.0.1:8080", "http://[::1]:9", "http://localhost"})
    void acceptsHttpsAnywhereAndHttpToThisComputer(String url) {
        assertThat(problemsOf(withUrl(url))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://10.0.0.5|Plain http:// is only allowed to this computer (127.0.0.1, ::1 or localhost); use https:// for 10.0.0.5.",
        "ftp://files.example.com|The URL must start with https:// (or http:// for this computer).",
        "https:///v1|The URL needs a host name, e.g. https://api.example.com.",
        "https://admin:pw@gw.example.com|Put the token in the token field, not in the URL.",
        "''|Enter the gateway's base URL, e.g. https://api.example.com."})
    void refusesOtherUrlsSayingWhy(String url, String message) {
        assertThat(problemsOf(withUrl(url))).containsExactly(new ProfileProblem(Field.BASE_URL, message));
    }

    @Test
    void theNameIsRequiredShortAndUnique() {
        ConnectionProfile existing = ConnectionProfile.create("Prod EU", "multiroute", "https://eu.example.com", EnvironmentTag.PRODUCTION);

        assertThat(problemsOf(withUrl("https://a.example").withDisplayName("   ")))
                .containsExactly(new ProfileProblem(Field.DISPLAY_NAME, "Give the connection a name."));
        assertThat(problemsOf(withUrl("https://a.example").withDisplayName("x".repeat(81))))
                .containsExactly(new ProfileProblem(Field.DISPLAY_NAME, "Keep the name to 80 characters or fewer (it has 81)."));
        assertThat(problemsOf(withUrl("https://a.example").withDisplayName("x".repeat(80)))).isEmpty();
        assertThat(problemsOf(withUrl("https://a.example").withDisplayName(" prod eu "), existing))
                .containsExactly(new ProfileProblem(Field.DISPLAY_NAME,
                        "Another connection is already called \"prod eu\"; choose a different name."));
    }

    @Test
    void editingAProfileDoesNotClashWithItself() {
        ConnectionProfile saved = withUrl("https://a.example");

        assertThat(problemsOf(saved.withBaseUrl("https://b.example"), saved)).isEmpty();
    }

    @Test
    void theDriverMustBeInstalled() {
        ConnectionProfile profile = ConnectionProfile.create("Gateway", "acme", "https://a.example", EnvironmentTag.STAGING);

        assertThat(problemsOf(profile)).containsExactly(new ProfileProblem(Field.DRIVER,
                "KeyDeck has no driver called \"acme\"; choose one of multiroute, openrouter."));
    }

    @Test
    void onlyTheDemoConnectionMayUseTheSandboxPlaceholder() {
        assertThat(problemsOf(ConnectionProfile.sandboxDemo())).isEmpty();
        assertThat(problemsOf(withUrl(ConnectionProfile.SANDBOX_BASE_URL))).extracting(ProfileProblem::field)
                .containsExactly(Field.BASE_URL);
    }

    @Test
    void aProfileHasNoPlaceForATokenSoItCannotReachTheSettingsFile() {
        assertThat(ConnectionProfile.class.getRecordComponents()).extracting(RecordComponent::getName)
                .noneMatch(name -> name.matches("(?i).*(token|secret|password|key).*"));
    }
}
