package io.keydeck.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The arrows of DESIGN.md §1, tested so they stay true: for each package, what it MAY use (an
 * allow-list; anything else fails), and no package cycles. A rule that matches no class fails too.
 */
class PackageArrowsTest {
    private static final String[] JDK = {"java..", "javax.crypto..", "javax.net.."};
    private static final String JACKSON = "com.fasterxml.jackson..";
    private static final String SLF4J = "org.slf4j..";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.keydeck");
    }

    /** Classes in {@code pkg} (and below) may use only the JDK, themselves and {@code allowed}. */
    private static void mayUseOnly(String pkg, String because, String... allowed) {
        List<String> all = new ArrayList<>(Arrays.asList(JDK));
        all.add(pkg);
        all.addAll(Arrays.asList(allowed));
        classes().that().resideInAPackage(pkg)
                .should().onlyDependOnClassesThat().resideInAnyPackage(all.toArray(String[]::new))
                .because(because)
                .check(classes);
    }

    @Test
    void modelUsesOnlyTheJdk() {
        mayUseOnly("io.keydeck.model..", "records and enums are the vocabulary every other room speaks");
    }

    @Test
    void gatewaySpiUsesOnlyTheModel() {
        mayUseOnly("io.keydeck.gateway", "the SPI is what drivers and the app agree on, nothing more",
                "io.keydeck.model..");
    }

    @Test
    void httpLayerUsesOnlyModelAndSpi() {
        mayUseOnly("io.keydeck.gateway.http..", "one HTTP layer shared by every driver",
                "io.keydeck.model..", "io.keydeck.gateway", JACKSON, SLF4J);
    }

    @Test
    void driversUseOnlyTheSpiAndTheHttpLayer() {
        for (String driver : List.of("multiroute", "openrouter", "openai", "anthropic", "litellm", "compatible")) {
            mayUseOnly("io.keydeck.gateway." + driver + "..", "a driver is only JSON mapping and endpoint paths",
                    "io.keydeck.model..", "io.keydeck.gateway", "io.keydeck.gateway.http..", JACKSON);
        }
    }

    @Test
    void vaultUsesOnlyTheModelAndTheKeyring() {
        mayUseOnly("io.keydeck.vault..", "token storage knows nothing of gateways, settings or the journal",
                "io.keydeck.model..", "com.github.javakeyring..", "org.freedesktop.secret..", JACKSON, SLF4J);
    }

    @Test
    void settingsUseOnlyTheModel() {
        mayUseOnly("io.keydeck.settings..", "profiles and preferences are plain data on disk",
                "io.keydeck.model..", JACKSON, SLF4J);
    }

    @Test
    void reviewUsesOnlyTheModel() {
        mayUseOnly("io.keydeck.review..", "review rules judge keys; they never fetch or store anything",
                "io.keydeck.model..", JACKSON);
    }

    @Test
    void sandboxUsesOnlyTheModelAndTheJdkServer() {
        mayUseOnly("io.keydeck.sandbox..", "the sandbox is the other side of the wire: never the client side or ui",
                "io.keydeck.model..", "com.sun.net.httpserver..", JACKSON, SLF4J);
    }

    @Test
    void journalUsesOnlyTheModelAndThePlatformDirectories() {
        mayUseOnly("io.keydeck.journal..", "the journal records actions; settings only for the platform data dir",
                "io.keydeck.model..", "io.keydeck.settings..", JACKSON, SLF4J);
    }

    @Test
    void usageAndAuthLogAnalysisUseOnlyTheModel() {
        mayUseOnly("io.keydeck.usage..", "usage figures are computed from model records only", "io.keydeck.model..");
        mayUseOnly("io.keydeck.authlog..", "auth-log signals are computed from model records only",
                "io.keydeck.model..");
    }

    @Test
    void loggingUsesOnlyLogbackTheModelAndThePlatformDirectories() {
        mayUseOnly("io.keydeck.logging..", "the redacting log layout; the model knows what a secret looks like;"
                + " settings only for the platform data dir and owner-only directories",
                "io.keydeck.model..", "io.keydeck.settings..", "ch.qos.logback..", SLF4J);
    }

    @Test
    void sessionUsesNoJavaFxAndNothingAboveIt() {
        mayUseOnly("io.keydeck.session..", "the application layer is shared alike by the window and the command line",
                "io.keydeck.model..", "io.keydeck.gateway..", "io.keydeck.vault..", "io.keydeck.settings..",
                "io.keydeck.journal..", "io.keydeck.review..", SLF4J);
    }

    @Test
    void singleWindowChannelUsesOnlyThePlatformDirectories() {
        mayUseOnly("io.keydeck.instance..", "the per-user lock and channel know nothing of gateways or the window;"
                + " settings only for the platform data dir and owner-only directories", "io.keydeck.settings..", SLF4J);
    }

    @Test
    void commandLineUsesSessionAndBelowNeverTheUi() {
        mayUseOnly("io.keydeck.cli..", "the headless commands run without JavaFX",
                "io.keydeck.session..", "io.keydeck.model..", "io.keydeck.gateway..", "io.keydeck.vault..",
                "io.keydeck.settings..", "io.keydeck.journal..", "io.keydeck.review..", "io.keydeck.usage..",
                "io.keydeck.authlog..", "io.keydeck.sandbox..", JACKSON, SLF4J,
                "picocli.."); // the parser, help and completion of the commands; only the command line uses it
    }

    @Test
    void uiUsesEverythingBelowButNeverTheCommandLine() {
        classes().that().resideInAPackage("io.keydeck.ui..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("io.keydeck.cli..", "io.keydeck")
                .because("the window and the command line are two doors onto the same rooms, not onto each other")
                .check(classes);
    }

    @Test
    void launcherOnlyChoosesBetweenWindowAndCommandLine() {
        classes().that().haveFullyQualifiedName("io.keydeck.Launcher")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.keydeck", "io.keydeck.cli..",
                        "io.keydeck.ui", "io.keydeck.settings..", "io.keydeck.instance..", SLF4J)
                .because("the main class starts the CLI or the window (or hands over to the open one) and nothing else")
                .check(classes);
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("io.keydeck.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                        "org.kordamp.ikonli..")
                .because("everything below the ui runs headless, in the CLI and in tests")
                .check(classes);
    }

    @Test
    void nothingBelowTheUiUsesTheUi() {
        noClasses().that().resideOutsideOfPackages("io.keydeck.ui..")
                .and().doNotHaveFullyQualifiedName("io.keydeck.Launcher")
                .should().dependOnClassesThat().resideInAPackage("io.keydeck.ui..")
                .because("arrows point downwards only")
                .check(classes);
    }

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("io.keydeck.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void uiFeaturePackagesAreFreeOfCycles() {
        slices().matching("io.keydeck.ui.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** As above, with the ui root (start-up) as a slice of its own: features never reach back into it. */
    @Test
    void uiRootAndItsFeaturesAreFreeOfCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (pkg.equals("io.keydeck.ui")) {
                    return SliceIdentifier.of("ui (start-up)");
                }
                if (pkg.startsWith("io.keydeck.ui.")) {
                    return SliceIdentifier.of("ui." + pkg.substring("io.keydeck.ui.".length()).split("\\.")[0]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the ui root and each ui feature package";
            }
        }).should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheCommandLinePrintsToStandardStreams() {
        noClasses().that().resideOutsideOfPackages("io.keydeck.cli..")
                .and().doNotHaveFullyQualifiedName("io.keydeck.Launcher")
                .and().doNotHaveFullyQualifiedName("io.keydeck.sandbox.SandboxCommand")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("the window logs; only commands talk to the terminal")
                .check(classes);
    }

    @Test
    void nobodyPrintsStackTraces() {
        noClasses().should().callMethod(Throwable.class, "printStackTrace")
                .because("stack traces go through the redacting logger")
                .check(classes);
    }
}
