package io.clusterdeck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private final com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.clusterdeck");

    @Test
    void runtimeNeverImportsJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void modelAndEventsImportNoHttpServer() {
        noClasses().that().resideInAnyPackage("io.clusterdeck.design..", "io.clusterdeck.plan..", "io.clusterdeck.event..",
                        "io.clusterdeck.json..")
                .should().dependOnClassesThat().resideInAnyPackage("io.undertow..", "io.clusterdeck.service..")
                .check(classes);
    }

    @Test
    void servicesDoNotReachIntoTheCommandLine() {
        noClasses().that().resideInAPackage("io.clusterdeck.service..")
                .should().dependOnClassesThat().resideInAPackage("io.clusterdeck.cli..")
                .check(classes);
    }

    @Test
    void sharedServicePlumbingKnowsNoParticularService() {
        noClasses().that().resideInAPackage("io.clusterdeck.service")
                .should().dependOnClassesThat().resideInAnyPackage("io.clusterdeck.service.gateway..",
                        "io.clusterdeck.service.worker..", "io.clusterdeck.service.repository..",
                        "io.clusterdeck.service.proxy..", "io.clusterdeck.service.standalone..")
                .check(classes);
    }
}
