package io.keydeck.ui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks the operating system whether the user prefers dark windows, so "System" in the theme menu means
 * what the rest of the desktop shows. Runs a short OS command: call it off the FX thread.
 */
public final class SystemColorScheme {
    private static final Logger LOG = LoggerFactory.getLogger(SystemColorScheme.class);
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private SystemColorScheme() {
    }

    /** The OS preference, or light when it cannot be read in time. */
    public static Theme detect() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command;
        if (os.contains("mac")) {
            command = List.of("defaults", "read", "-g", "AppleInterfaceStyle");
        } else if (os.contains("win")) {
            command = List.of("reg", "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v",
                    "AppsUseLightTheme");
        } else {
            command = List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
        }
        return run(command).map(SystemColorScheme::fromAnswer).orElse(Theme.LIGHT);
    }

    /** Reads the answer of any of the three commands: "'prefer-dark'", "Dark", or "AppsUseLightTheme REG_DWORD 0x0". */
    static Theme fromAnswer(String answer) {
        String text = answer.toLowerCase(Locale.ROOT);
        if (text.contains("appsuselighttheme")) {
            return text.matches("(?s).*reg_dword\\s+0x0+\\b.*") ? Theme.DARK : Theme.LIGHT;
        }
        return text.contains("dark") ? Theme.DARK : Theme.LIGHT;
    }

    private static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            try (InputStream out = process.getInputStream()) {
                String answer = new String(out.readNBytes(4096), StandardCharsets.UTF_8);
                return process.exitValue() == 0 ? Optional.of(answer) : Optional.empty();
            }
        } catch (IOException e) {
            LOG.debug("No OS colour scheme: {}", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
