package io.clusterdeck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of the runtime, kept as rules so they cannot rot. */
@AnalyzeClasses(packages = "io.clusterdeck", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** The packages from the bottom up, as docs/architecture.md draws them; each reaches only those below it. */
    @ArchTest
    static final ArchRule packagesDependDownwardOnly = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("json").definedBy("io.clusterdeck.json..")
            .layer("time").definedBy("io.clusterdeck.time..")
            .layer("protocol").definedBy("io.clusterdeck.protocol..")
            .layer("http").definedBy("io.clusterdeck.http..")
            .layer("event").definedBy("io.clusterdeck.event..")
            .layer("design").definedBy("io.clusterdeck.design..")
            .layer("plan").definedBy("io.clusterdeck.plan..")
            .layer("security").definedBy("io.clusterdeck.security..")
            .layer("bundle").definedBy("io.clusterdeck.bundle..")
            .layer("lab").definedBy("io.clusterdeck.lab..")
            .layer("export").definedBy("io.clusterdeck.export..")
            .layer("load").definedBy("io.clusterdeck.load..")
            .layer("service").definedBy("io.clusterdeck.service..")
            .layer("launch").definedBy("io.clusterdeck.launch..")
            .layer("compare").definedBy("io.clusterdeck.compare..")
            .layer("cli").definedBy("io.clusterdeck.cli..")
            .whereLayer("json").mayNotAccessAnyLayer()
            .whereLayer("time").mayNotAccessAnyLayer()
            .whereLayer("protocol").mayOnlyAccessLayers("json")
            .whereLayer("http").mayOnlyAccessLayers("protocol", "json")
            .whereLayer("event").mayNotAccessAnyLayer()
            .whereLayer("design").mayOnlyAccessLayers("json")
            .whereLayer("plan").mayOnlyAccessLayers("design", "json")
            .whereLayer("security").mayOnlyAccessLayers("plan", "design", "http", "protocol", "time", "json")
            .whereLayer("bundle").mayOnlyAccessLayers("design", "json")
            .whereLayer("lab").mayOnlyAccessLayers("plan", "design", "json")
            .whereLayer("export").mayOnlyAccessLayers("plan", "design", "protocol", "json")
            .whereLayer("load").mayOnlyAccessLayers("http", "protocol", "time")
            .whereLayer("service").mayOnlyAccessLayers("security", "lab", "bundle", "plan", "design", "event", "http",
                    "protocol", "time", "json")
            .whereLayer("launch").mayOnlyAccessLayers("service", "security", "lab", "plan", "design", "event", "http",
                    "protocol", "time", "json")
            .whereLayer("compare").mayOnlyAccessLayers("launch", "load", "lab", "plan", "design", "event", "http",
                    "protocol", "time", "json")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .because("one look at the package list tells what builds on what; see docs/architecture.md");

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
