package io.clusterdeck.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final String DESIGNER = "io.clusterdeck.app.designer";
    private static final Set<String> VIEW_MODEL = Set.of("DesignerViewModel", "Edits", "ElementProblem", "CrossCall",
            "FunctionFacts", "PaletteFilter", "PlanRow", "Selection", "History", "Templates", "BundleImporter", "Area",
            "ArrowLabel", "Segmentation", "DesignText");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.clusterdeck.app");

    @Test
    void theDesignersViewModelWorksWithoutScenesOrStages() {
        var viewModel = DescribedPredicate.describe("belong to the designer's view-model", (JavaClass c) ->
                c.getPackageName().equals(DESIGNER)
                        && VIEW_MODEL.contains(c.getName().substring(DESIGNER.length() + 1).split("\\$")[0]));
        noClasses().that(viewModel)
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void theAdvicePanelsViewModelWorksWithoutScenesOrStages() {
        noClasses().that().haveFullyQualifiedName("io.clusterdeck.app.advice.AdviceViewModel")
                .or().haveFullyQualifiedName("io.clusterdeck.app.advice.Suggestion")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void theWorkspaceKnowsNothingOfJavaFx() {
        noClasses().that().resideInAPackage("io.clusterdeck.app.workspace..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }
}
