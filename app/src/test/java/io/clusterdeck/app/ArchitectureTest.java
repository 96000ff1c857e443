package io.clusterdeck.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The app's layers, by package and by name. Each feature package ({@code designer}, {@code monitor}, ...) holds a
 * view-model and the plain classes it works with; its {@code view} subpackage holds what is drawn. The app's own
 * package is the entry: the {@code Application} and the window that wires every view-model to its view, so it is the
 * one place outside a view package that may build scenes and stages.
 */
class ArchitectureTest {
    private static final String ENTRY = "io.clusterdeck.app";
    private static final String VIEWS = "..view..";
    /** A feature package itself, not its subpackages. */
    private static final String FEATURE = "io.clusterdeck.app.*";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ENTRY);

    @Test
    void onlyViewsAndTheEntryTouchScenesOrStages() {
        noClasses().that().resideOutsideOfPackages(VIEWS, ENTRY)
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view-models and their models are tested without the toolkit")
                .check(classes);
    }

    @Test
    void viewModelsLiveInTheirFeaturePackageNotInAViewPackage() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().resideInAPackage(FEATURE)
                .andShould().resideOutsideOfPackage(VIEWS)
                .check(classes);
    }

    @Test
    void viewPackagesAreReachedOnlyFromViewsAndTheEntry() {
        classes().that().resideInAPackage(VIEWS)
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(VIEWS, ENTRY)
                .check(classes);
    }

    @Test
    void nothingInAFeaturePackageDependsOnAView() {
        noClasses().that().resideInAPackage(FEATURE)
                .should().dependOnClassesThat().resideInAPackage(VIEWS)
                .because("a view binds to its view-model, never the other way round")
                .check(classes);
    }

    @Test
    void aFeaturesViewsUseNoOtherFeaturesViewsButTheCommonOnes() {
        slices().matching("io.clusterdeck.app.(*).view..").should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage("io.clusterdeck.app.common.view.."))
                .check(classes);
    }

    @Test
    void theWorkspaceKnowsNothingOfJavaFx() {
        noClasses().that().resideInAPackage("io.clusterdeck.app.workspace..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }
}
