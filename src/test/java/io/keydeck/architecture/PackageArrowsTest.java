package io.keydeck.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The arrows of DESIGN.md §1, tested so they stay true. */
class PackageArrowsTest {
    private static final String[] JDK = {"java..", "javax.crypto..", "javax.net.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.keydeck");
    }

    private static String[] with(String... extra) {
        String[] all = new String[JDK.length + extra.length];
        System.arraycopy(JDK, 0, all, 0, JDK.length);
        System.arraycopy(extra, 0, all, JDK.length, extra.length);
        return all;
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }

    @Test
    void modelUsesOnlyTheJdk() {
        check(noClasses().that().resideInAPackage("io.keydeck.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages(with("io.keydeck.model..")));
    }

    @Test
    void gatewaySpiUsesOnlyTheModel() {
        check(noClasses().that().resideInAPackage("io.keydeck.gateway")
                .should().dependOnClassesThat().resideOutsideOfPackages(with("io.keydeck.model..", "io.keydeck.gateway")));
    }

    @Test
    void httpLayerUsesOnlyModelAndSpi() {
        check(noClasses().that().resideInAPackage("io.keydeck.gateway.http..")
                .should().dependOnClassesThat().resideOutsideOfPackages(with("io.keydeck.model..", "io.keydeck.gateway",
                        "io.keydeck.gateway.http..", "com.fasterxml.jackson..", "org.slf4j..")));
    }

    @Test
    void driversUseOnlyTheSpiAndTheHttpLayer() {
        check(noClasses().that().resideInAPackage("io.keydeck.gateway..")
                .and().resideOutsideOfPackages("io.keydeck.gateway", "io.keydeck.gateway.http..")
                .should().dependOnClassesThat().resideInAnyPackage("io.keydeck.ui..", "io.keydeck.cli..",
                        "io.keydeck.sandbox..", "io.keydeck.vault..", "io.keydeck.settings..", "io.keydeck.review..",
                        "javafx..", "java.net.http.."));
    }

    @Test
    void vaultAndSettingsUseOnlyTheModel() {
        check(noClasses().that().resideInAnyPackage("io.keydeck.vault..", "io.keydeck.settings..")
                .should().dependOnClassesThat().resideInAnyPackage("io.keydeck.gateway..", "io.keydeck.ui..",
                        "io.keydeck.cli..", "io.keydeck.sandbox..", "io.keydeck.review..", "javafx.."));
    }

    @Test
    void sandboxNeverUsesTheClientSideOrJavaFx() {
        check(noClasses().that().resideInAPackage("io.keydeck.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("io.keydeck.gateway..", "io.keydeck.ui..",
                        "io.keydeck.cli..", "io.keydeck.vault..", "io.keydeck.settings..", "javafx.."));
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        check(noClasses().that().resideOutsideOfPackages("io.keydeck.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                        "org.kordamp.ikonli.."));
    }

    @Test
    void nothingBelowTheUiUsesTheUi() {
        check(noClasses().that().resideOutsideOfPackages("io.keydeck.ui..")
                .and().doNotHaveFullyQualifiedName("io.keydeck.Launcher")
                .should().dependOnClassesThat().resideInAPackage("io.keydeck.ui.."));
    }

    @Test
    void reviewUsesOnlyTheModel() {
        check(noClasses().that().resideInAPackage("io.keydeck.review..")
                .should().dependOnClassesThat().resideInAnyPackage("io.keydeck.gateway..", "io.keydeck.ui..",
                        "io.keydeck.cli..", "io.keydeck.sandbox..", "javafx.."));
    }

    @Test
    void usageAndAuthLogAnalysisUseOnlyTheModel() {
        check(noClasses().that().resideInAPackage("io.keydeck.usage..")
                .should().dependOnClassesThat().resideOutsideOfPackages(with("io.keydeck.model..", "io.keydeck.usage..")));
        check(noClasses().that().resideInAPackage("io.keydeck.authlog..")
                .should().dependOnClassesThat().resideOutsideOfPackages(with("io.keydeck.model..", "io.keydeck.authlog..")));
    }

    @Test
    void journalUsesOnlyTheModelAndThePlatformDirectories() {
        check(noClasses().that().resideInAPackage("io.keydeck.journal..")
                .should().dependOnClassesThat().resideInAnyPackage("io.keydeck.gateway..", "io.keydeck.ui..",
                        "io.keydeck.cli..", "io.keydeck.sandbox..", "io.keydeck.vault..", "io.keydeck.review..",
                        "javafx.."));
    }

    @Test
    void onlyTheCommandLinePrintsToStandardStreams() {
        check(noClasses().that().resideOutsideOfPackages("io.keydeck.cli..")
                .and().doNotHaveFullyQualifiedName("io.keydeck.Launcher")
                .and().doNotHaveFullyQualifiedName("io.keydeck.sandbox.SandboxCommand")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err"));
    }

    @Test
    void nobodyPrintsStackTraces() {
        check(noClasses().should().callMethod(Throwable.class, "printStackTrace"));
    }
}
