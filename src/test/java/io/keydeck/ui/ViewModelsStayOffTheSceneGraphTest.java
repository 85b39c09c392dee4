package io.keydeck.ui;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** View models stay testable without a stage; controllers are only ever made by the registry. */
class ViewModelsStayOffTheSceneGraphTest {
    private final JavaClasses ui = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.keydeck.ui");

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(ui);
    }

    /** Start-up and each feature's module register controllers; nothing else makes one. */
    @Test
    void controllersAreCreatedOnlyByTheRegistry() {
        classes().that().haveSimpleNameEndingWith("Controller")
                .should().onlyBeAccessed().byClassesThat().haveNameMatching(".*\\.(AppWindow|\\w+Module|\\w+Controller)(\\$.*)?")
                .check(ui);
    }
}
