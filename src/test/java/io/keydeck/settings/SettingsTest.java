package io.keydeck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private final ConnectionProfile a = ConnectionProfile.create("A", "multiroute", "https://a.example", EnvironmentTag.PRODUCTION);
    private final ConnectionProfile b = ConnectionProfile.create("B", "multiroute", "https://b.example", EnvironmentTag.STAGING);
    private final ConnectionProfile c = ConnectionProfile.create("C", "multiroute", "https://c.example", EnvironmentTag.DEVELOPMENT);
    private final Settings settings = Settings.DEFAULTS.withConnection(a).withConnection(b).withConnection(c);

    @Test
    void savingAnEditedProfileReplacesItInPlace() {
        Settings edited = settings.withConnection(b.withDisplayName("B renamed"));

        assertThat(edited.connections()).extracting(ConnectionProfile::displayName).containsExactly("A", "B renamed", "C");
    }

    @Test
    void reorderingKeepsEveryConnection() {
        Settings reordered = settings.withConnectionOrder(List.of(c.id(), "no-such-id", a.id()));

        assertThat(reordered.connections()).containsExactly(c, a, b);
    }

    @Test
    void removingTheSelectedConnectionClearsTheSelection() {
        Settings selected = settings.withPreferences(settings.preferences().withSelectedConnectionId(b.id()));

        Settings removed = selected.withoutConnection(b.id());

        assertThat(removed.connections()).containsExactly(a, c);
        assertThat(removed.preferences().selectedConnectionId()).isNull();
        assertThat(removed.demoDismissed()).isFalse();
    }

    @Test
    void theDemoIsOnlyAddedWhenThereIsNothingElse() {
        assertThat(settings.withDemoConnectionIfEmpty()).isSameAs(settings);
        assertThat(Settings.DEFAULTS.withDemoConnectionIfEmpty().connections()).singleElement()
                .satisfies(demo -> assertThat(demo.demo()).isTrue());
    }
}
