package io.keydeck.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every %key an FXML file uses and every getString("…") in the UI code exists in messages.properties. */
class MessagesCoverEveryKeyTest {
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
    private static final Pattern CODE_KEY = Pattern.compile("getString\\(\"([A-Za-z0-9_.]+)\"\\)");

    @Test
    void everyUsedKeyHasAMessage() throws IOException {
        ResourceBundle messages = ResourceBundle.getBundle(AppServices.MESSAGES);
        Set<String> used = new TreeSet<>();
        used.addAll(keysIn(Path.of("src/main/resources/io/keydeck/ui"), ".fxml", FXML_KEY));
        used.addAll(keysIn(Path.of("src/main/java/io/keydeck/ui"), ".java", CODE_KEY));

        assertThat(used).as("keys found in the UI sources").contains("keys.title", "sandbox.starting");
        assertThat(used).allSatisfy(key -> assertThat(messages.containsKey(key)).as(key).isTrue());
    }

    private static Set<String> keysIn(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }
}
