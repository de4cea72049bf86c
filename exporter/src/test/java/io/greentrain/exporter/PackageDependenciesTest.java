package io.greentrain.exporter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The exporter's pipeline as its packages (see the README's "How it works"): sensors read energy, attribution charges
 * it to runs, carbon turns it into grams, outputs and metrics publish; records is the schema they share and reads
 * nothing of theirs. The rules run over the main classes only and fail with the offending class and dependency.
 */
class PackageDependenciesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.greentrain.exporter", "io.greentrain.config");

    @Test
    void noPackageCycle() {
        slices().matching("io.greentrain.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void sensorsKnowNothingOfWhatComesAfterThem() {
        noClasses().that().resideInAPackage("io.greentrain.exporter.sensors..")
                .should().dependOnClassesThat().resideInAnyPackage("io.greentrain.exporter.attribution..",
                        "io.greentrain.exporter.carbon..", "io.greentrain.exporter.outputs..", "io.greentrain.exporter.metrics..",
                        "io.greentrain.exporter.records..", "io.greentrain.exporter.cli..")
                .check(MAIN);
    }

    @Test
    void theRecordSchemaDependsOnNoStageOfThePipeline() {
        noClasses().that().resideInAPackage("io.greentrain.exporter.records")
                .should().dependOnClassesThat().resideInAnyPackage("io.greentrain.exporter.sensors..",
                        "io.greentrain.exporter.attribution..", "io.greentrain.exporter.carbon..", "io.greentrain.exporter.outputs..",
                        "io.greentrain.exporter.metrics..", "io.greentrain.exporter.cli..")
                .check(MAIN);
    }

    @Test
    void attributionAndCarbonDoNotPublish() {
        noClasses().that().resideInAnyPackage("io.greentrain.exporter.attribution..", "io.greentrain.exporter.carbon..")
                .should().dependOnClassesThat().resideInAnyPackage("io.greentrain.exporter.outputs..",
                        "io.greentrain.exporter.metrics..", "io.greentrain.exporter.cli..")
                .check(MAIN);
    }

    @Test
    void theTrainingPathNeverReachesTheCommands() {
        noClasses().that().resideOutsideOfPackages("io.greentrain.exporter.cli..", "io.greentrain.exporter.records.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.greentrain.exporter.cli..",
                        "io.greentrain.exporter.records.report..")
                .check(MAIN);
    }
}
