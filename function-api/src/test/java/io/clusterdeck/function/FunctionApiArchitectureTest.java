package io.clusterdeck.function;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The function API stays a library of its own. */
@AnalyzeClasses(packages = "io.clusterdeck.function", importOptions = ImportOption.DoNotIncludeTests.class)
class FunctionApiArchitectureTest {
    @ArchTest
    static final ArchRule functionApiDependsOnlyOnJava = classes()
            .that().resideInAPackage("io.clusterdeck.function")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.clusterdeck.function")
            .because("bundles compile against it alone");
}
