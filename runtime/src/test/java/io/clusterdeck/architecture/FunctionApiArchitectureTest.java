package io.clusterdeck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The function API stays a library of its own; bundles are loaded without any HTTP in sight. */
@AnalyzeClasses(packages = "io.clusterdeck", importOptions = ImportOption.DoNotIncludeTests.class)
class FunctionApiArchitectureTest {
    @ArchTest
    static final ArchRule functionApiDependsOnlyOnJava = classes()
            .that().resideInAPackage("io.clusterdeck.function")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.clusterdeck.function")
            .because("bundles compile against it alone, and it can become an artifact of its own");

    @ArchTest
    static final ArchRule bundlesUseNoHttp = noClasses()
            .that().resideInAPackage("io.clusterdeck.bundle")
            .should().dependOnClassesThat().resideInAnyPackage("io.undertow..", "org.xnio..", "java.net.http..",
                    "com.sun.net.httpserver..", "io.clusterdeck.service..")
            .because("the worker, the designer and tests all load bundles; HTTP belongs to the services");
}
