package io.keydeck.ui;

import io.keydeck.authlog.Signal;
import io.keydeck.model.Capability;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyStatus;
import io.keydeck.model.UsageBucket;
import io.keydeck.review.FixAction;
import io.keydeck.review.Severity;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.ui.authlog.AuthLogViewModel;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.keys.CreateKeyViewModel;
import io.keydeck.usage.UsageMetric;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * messages.properties holds exactly the text the UI shows: every key the FXML ({@code %key}) or the code
 * uses exists, and no key is left that nothing uses.
 *
 * <p>Used keys are found three ways: {@code "%key"} in FXML; any string literal in the Java sources
 * that names a key (so keys handed to helpers like {@code button("x", "keys.action.new", …)} count),
 * also with the {@code .title}/{@code .hint} suffixes a literal prefix is completed with; and the
 * dynamic families below, where the code builds a key from an enum ({@code "status." + name}). Each
 * family is listed here with the enum it is built from, so a new constant without a message fails.
 */
class MessagesCoverEveryKeyTest {
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.-]+)\"");
    private static final Pattern CODE_KEY = Pattern.compile("getString\\(\"([A-Za-z0-9_.-]+)\"\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([A-Za-z0-9_.-]+)\"");
    private static final Pattern DETAIL_FIELD = Pattern.compile("detail\\(\"([A-Za-z]+)\"");
    private static final Path UI_CODE = Path.of("src/main/java/io/keydeck/ui");
    private static final Path UI_FXML = Path.of("src/main/resources/io/keydeck/ui");
    private static final Set<String> LITERAL_PREFIX_SUFFIXES = Set.of(".title", ".hint");

    private final ResourceBundle messages = ResourceBundle.getBundle(AppServices.MESSAGES);

    /** Keys the code builds at run time: prefix + a name taken from an enum (see each call site). */
    private static Set<String> dynamicKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        keys.addAll(family("status.", KeyStatus.values(), lower()));                     // KeysViewModel.statusText
        keys.addAll(family("view.", views(), lower()));                                   // MainWindowViewModel.viewTitle
        keys.addAll(family("review.severity.", Severity.values(), Enum::name));           // FindingCells
        keys.addAll(family("review.action.", FixAction.values(), FixAction::label));      // ReviewViewModel
        keys.addAll(family("usage.bucket.", UsageBucket.values(), UsageBucket::wireName)); // UsageText
        keys.addAll(family("usage.metric.", UsageMetric.values(), lower()));              // UsageText
        keys.addAll(family("authlog.signal.", Signal.Kind.values(), lower()));            // AuthLogViewModel
        keys.addAll(family("authlog.range.", AuthLogViewModel.TimeRange.values(), lower())); // AuthLogController
        keys.addAll(family("capability.", Capability.values(), lower()));                 // TokenReport
        keys.addAll(family("env.", EnvironmentTag.values(), lower()));                    // ConnectionSidebarViewModel
        keys.addAll(family("create.expiry.", CreateKeyViewModel.ExpiryChoice.values(), lower())); // CreateKeyViewModel
        keys.addAll(family("journal.result.", io.keydeck.ui.journal.JournalViewModel.ResultFilter.values(), lower())); // JournalController
        keys.addAll(family("journal.forwarding.kind.", io.keydeck.ui.journal.ForwardingFormViewModel.Kind.values(),
                lower()));                                                                 // ForwardingFormController
        keys.addAll(family("journal.forwarding.format.", io.keydeck.ui.journal.ForwardingFormViewModel.Format.values(),
                lower()));                                                                 // ForwardingFormController
        keys.addAll(family("create.environment.", new KeyEnvironment[]{KeyEnvironment.LIVE, KeyEnvironment.TEST},
                KeyEnvironment::wireName));                                                // CreateKeyDialog
        // KeyTexts.details(): detail("name", …) → "details.name"
        keys.addAll(matches(UI_CODE, ".java", DETAIL_FIELD).stream().map(f -> "details." + f).toList());
        return keys;
    }

    @Test
    void everyUsedKeyHasAMessage() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(matches(UI_FXML, ".fxml", FXML_KEY));
        used.addAll(matches(UI_CODE, ".java", CODE_KEY));
        used.addAll(dynamicKeys());

        assertThat(used).as("keys found in the UI sources").contains("keys.title", "sandbox.starting", "status.revoked");
        assertThat(used).allSatisfy(key -> assertThat(messages.containsKey(key)).as(key).isTrue());
    }

    @Test
    void noMessageIsLeftUnused() throws IOException {
        Set<String> literals = new TreeSet<>(matches(UI_FXML, ".fxml", FXML_KEY));
        literals.addAll(matches(UI_CODE, ".java", LITERAL));
        Set<String> dynamic = dynamicKeys();

        Set<String> unused = Collections.list(messages.getKeys()).stream()
                .filter(key -> !literals.contains(key) && !dynamic.contains(key))
                .filter(key -> LITERAL_PREFIX_SUFFIXES.stream().noneMatch(suffix -> key.endsWith(suffix)
                        && literals.contains(key.substring(0, key.length() - suffix.length()))))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unused).as("messages no code or FXML uses").isEmpty();
    }

    private static FxmlView[] views() {
        return Arrays.stream(FxmlView.values()).filter(v -> v != FxmlView.MAIN_WINDOW).toArray(FxmlView[]::new);
    }

    private static <E extends Enum<E>> Function<E, String> lower() {
        return e -> e.name().toLowerCase(Locale.ROOT);
    }

    private static <E> Set<String> family(String prefix, E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(v -> prefix + name.apply(v)).collect(Collectors.toSet());
    }

    private static Set<String> matches(Path root, String suffix, Pattern pattern) throws IOException {
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
