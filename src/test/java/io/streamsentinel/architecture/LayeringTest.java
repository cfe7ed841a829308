package io.streamsentinel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The build enforces that dependencies point inward: the pure core knows nothing of I/O. */
class LayeringTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.streamsentinel");
  }

  @Test
  void domainAndDetectionShouldNotDependOnKafkaJdbcHttpOrJson() {
    noClasses()
        .that()
        .resideInAnyPackage("io.streamsentinel.domain..", "io.streamsentinel.detection..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "java.sql..",
            "javax.sql..",
            "io.javalin..",
            "jakarta.servlet..",
            "com.fasterxml.jackson..",
            "java.net.http..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void domainShouldNotDependOnAnyOtherStage() {
    noClasses()
        .that()
        .resideInAPackage("io.streamsentinel.domain..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("io.streamsentinel.domain..", "java..")
        .check(classes);
  }

  @Test
  void onlyTheCliShouldDependOnTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.streamsentinel.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.streamsentinel.cli..")
        .check(classes);
  }

  @Test
  void generatorModelShouldNotUseTheWallClock() {
    noClasses()
        .that()
        .resideInAPackage("io.streamsentinel.generator..")
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .check(classes);
  }
}
