package io.clusterdeck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of the runtime, kept as rules so they cannot rot. */
@AnalyzeClasses(packages = "io.clusterdeck", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule runtimeNeverUsesJavaFx = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the runtime runs headless in containers; only the app module draws");

    @ArchTest
    static final ArchRule designModelUsesNoHttp = noClasses()
            .that().resideInAnyPackage("io.clusterdeck.design..", "io.clusterdeck.json..", "io.clusterdeck.plan..",
                    "io.clusterdeck.lab..")
            .should().dependOnClassesThat().resideInAnyPackage("io.undertow..", "org.xnio..", "java.net.http..",
                    "com.sun.net.httpserver..", "io.clusterdeck.service..")
            .because("the design, its plan and the advice on it are pure values that the GUI, launcher and exporters"
                    + " share");

    @ArchTest
    static final ArchRule designModelDoesNotKnowWhoUsesIt = noClasses()
            .that().resideInAnyPackage("io.clusterdeck.design..", "io.clusterdeck.json..")
            .should().dependOnClassesThat().resideInAnyPackage("io.clusterdeck.plan..", "io.clusterdeck.cli..",
                    "io.clusterdeck.launch..", "io.clusterdeck.export..");

    @ArchTest
    static final ArchRule bundlesUseNoHttp = noClasses()
            .that().resideInAPackage("io.clusterdeck.bundle")
            .should().dependOnClassesThat().resideInAnyPackage("io.undertow..", "org.xnio..", "java.net.http..",
                    "com.sun.net.httpserver..", "io.clusterdeck.service..")
            .because("the worker, the designer and tests all load bundles; HTTP belongs to the services");
}
