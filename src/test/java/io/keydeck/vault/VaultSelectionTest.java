package io.keydeck.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.javakeyring.BackendNotSupportedException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VaultSelectionTest {
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void releaseHungOpeners() {
        never.countDown();
        System.clearProperty("keydeck.vault");
    }

    @Test
    void fallsBackToSessionVaultAndSaysWhy() {
        VaultSelection selection = VaultSelection.choose(() -> {
            throw new KeychainUnavailableException("there is no D-Bus session bus");
        });

        assertThat(selection.vault()).isInstanceOf(SessionVault.class);
        assertThat(selection.vault().remembersAcrossRestarts()).isFalse();
        assertThat(selection.notice()).hasValue("No OS keychain answered (there is no D-Bus session bus); tokens are kept"
                + " for this session only and will be asked for again next start.");
    }

    @Test
    void onAMachineWithoutSecretServiceTheRealFactoryFallsBack() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "Linux only");
        assumeTrue(System.getenv("DBUS_SESSION_BUS_ADDRESS") == null, "a D-Bus session is present");

        VaultSelection selection = VaultSelection.choose();

        assertThat(selection.vault()).isInstanceOf(SessionVault.class);
        assertThat(selection.notice()).hasValueSatisfying(n -> assertThat(n)
                .startsWith("No OS keychain answered (there is no D-Bus session bus")
                .endsWith("will be asked for again next start."));
    }

    @Test
    void sessionVaultCanBeChosenOnPurpose() {
        System.setProperty("keydeck.vault", "session");

        VaultSelection selection = VaultSelection.choose();

        assertThat(selection.vault()).isInstanceOf(SessionVault.class);
        assertThat(selection.notice()).hasValueSatisfying(n -> assertThat(n).contains("keydeck.vault=session"));
    }

    @Test
    void aKeychainThatNeverAnswersIsGivenUpOn() {
        assertThatThrownBy(() -> KeychainVault.open(() -> {
            never.await();
            return null;
        }, Duration.ofMillis(200)))
                .isInstanceOf(KeychainUnavailableException.class)
                .hasMessage("it did not answer within 200 ms; it may be locked or waiting for a password prompt");
    }

    @Test
    void theBackendsOwnReasonIsPassedOn() {
        assertThatThrownBy(() -> KeychainVault.open(() -> {
            throw new BackendNotSupportedException("Could not instantiate backend",
                    new IllegalStateException("org.freedesktop.secrets was not provided by any .service files"));
        }, Duration.ofSeconds(5)))
                .isInstanceOf(KeychainUnavailableException.class)
                .hasMessage("org.freedesktop.secrets was not provided by any .service files");
    }

    @Test
    void aBackendThatCrashesIsTreatedAsUnavailable() {
        assertThatThrownBy(() -> KeychainVault.open(() -> {
            throw new NullPointerException();
        }, Duration.ofSeconds(5)))
                .isInstanceOf(KeychainUnavailableException.class)
                .hasMessage("NullPointerException");
    }
}
