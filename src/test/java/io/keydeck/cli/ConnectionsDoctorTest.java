package io.keydeck.cli;

import io.keydeck.settings.ConnectionProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code keydeck connections doctor}: unused keychain items found, offered for removal, removed; honest when it cannot list. */
class ConnectionsDoctorTest {
    @TempDir Path dir;

    @Test
    void findsItemsNoConnectionUsesAndRemovesThemOnlyWhenAsked() {
        CliHarness cli = new CliHarness(dir);
        cli.env.put("KD_TOKEN", "mrk_admin_doctor_token");
        assertThat(cli.run("connections", "add", "--name", "Kept", "--driver", "multiroute", "--base-url",
                "https://gateway.example.com", "--token-env", "KD_TOKEN").exit()).isZero();
        String kept = cli.settings().load().settings().connections().get(0).id();
        String orphan = UUID.randomUUID().toString();
        cli.keychain.store(orphan, "mrk_admin_left_behind".toCharArray());
        cli.keychain.store("journal-signing-key", "not a connection".toCharArray());

        CliHarness.Result listed = cli.run("connections", "doctor");
        assertThat(listed.exit()).isEqualTo(1);
        assertThat(listed.outLines()).containsExactly(orphan);
        assertThat(listed.err()).contains("1 item(s) in the test keychain belong to no saved connection")
                .contains("Nothing was removed");
        assertThat(cli.keychain.tokens).containsKey(orphan);

        cli.interactive = true;
        cli.answers.add("n");
        assertThat(cli.run("connections", "doctor").exit()).isEqualTo(1);
        assertThat(cli.prompts).containsExactly("Remove these 1 item(s)? [y/N] ");
        cli.answers.add("y");
        CliHarness.Result removed = cli.run("connections", "doctor");
        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(cli.keychain.tokens).containsOnlyKeys(kept, "journal-signing-key");

        cli.interactive = false;
        CliHarness.Result clean = cli.run("connections", "doctor");
        assertThat(clean.exit()).isZero();
        assertThat(clean.err()).contains("Every KeyDeck item in the test keychain belongs to a saved connection.");
    }

    @Test
    void removingAConnectionRemovesItsKeychainItemAndAMissingTokenIsNamed() {
        CliHarness cli = new CliHarness(dir);
        cli.env.put("KD_TOKEN", "mrk_admin_doctor_token");
        cli.run("connections", "add", "--name", "Gone", "--driver", "multiroute", "--base-url",
                "https://gateway.example.com", "--token-env", "KD_TOKEN");
        cli.run("connections", "add", "--name", "Tokenless", "--driver", "multiroute", "--base-url",
                "https://other.example.com", "--token-env", "KD_TOKEN");
        assertThat(cli.keychain.tokens).hasSize(2);
        assertThat(cli.run("connections", "remove", "Gone").exit()).isZero();
        assertThat(cli.keychain.tokens).hasSize(1);
        cli.keychain.tokens.clear();

        CliHarness.Result doctor = cli.run("connections", "doctor");
        assertThat(doctor.err()).contains("Connection \"Tokenless\" has no admin token in the test keychain");
        assertThat(cli.settings().load().settings().connections()).extracting(ConnectionProfile::displayName)
                .containsExactly("Tokenless");
    }

    @Test
    void aKeychainThatCannotListItsItemsIsSaidToBeSo() {
        CliHarness cli = new CliHarness(dir);
        cli.keychain.canList = () -> false;
        CliHarness.Result doctor = cli.run("connections", "doctor");
        assertThat(doctor.exit()).isZero();
        assertThat(doctor.out()).isEmpty();
        assertThat(doctor.err()).contains("The test keychain cannot be asked for a list of its items by KeyDeck,"
                + " so unused items cannot be found here.");
    }
}
