package io.streamsentinel.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build enforces the layout: dependencies point inward (the pure core knows nothing of I/O),
 * packages form no cycles, stages meet only through the shared lower packages, and nothing imports
 * the CLI.
 *
 * <pre>
 * cli ──> app, bench ──> web ──> stages ──> codec, kafka, config, database, runtime, registry, access,
 *   secrets ──> detection ──> domain
 * stages: generator, streaming, response, persistence, analytics, monitoring (none imports another)
 * </pre>
 */
class LayeringTest {

  private static final String ROOT = "io.streamsentinel.";

  /** The stages of the data flow, each owning its service. */
  private static final List<String> STAGES =
      List.of(
          "generator",
          "streaming",
          "response",
          "persistence",
          "analytics",
          "monitoring",
          "learning");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.streamsentinel");
  }

  private static String[] packages(String... names) {
    return Arrays.stream(names).map(n -> ROOT + n + "..").toArray(String[]::new);
  }

  @Test
  void packagesShouldBeFreeOfCycles() {
    slices().matching("io.streamsentinel.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void dependenciesShouldPointInward() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("cli")
        .definedBy(packages("cli"))
        .layer("composition")
        .definedBy(packages("app", "bench"))
        .layer("web")
        .definedBy(packages("web"))
        .layer("stages")
        .definedBy(packages(STAGES.toArray(String[]::new)))
        .layer("infrastructure")
        .definedBy(
            packages(
                "codec", "kafka", "config", "database", "runtime", "registry", "secrets", "access"))
        .layer("core")
        .definedBy(packages("detection", "domain"))
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("composition")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("web")
        .mayOnlyBeAccessedByLayers("cli", "composition")
        .whereLayer("stages")
        .mayOnlyBeAccessedByLayers("cli", "composition", "web")
        .whereLayer("infrastructure")
        .mayOnlyBeAccessedByLayers("cli", "composition", "web", "stages")
        .check(classes);
  }

  static List<String> stages() {
    return STAGES;
  }

  @ParameterizedTest
  @MethodSource("stages")
  void aStageShouldNotDependOnAnotherStage(String stage) {
    String[] others =
        STAGES.stream()
            .filter(s -> !s.equals(stage))
            .map(s -> ROOT + s + "..")
            .toArray(String[]::new);
    noClasses()
        .that()
        .resideInAPackage(ROOT + stage + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .check(classes);
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
  void domainShouldNotDependOnAnyOtherPackage() {
    noClasses()
        .that()
        .resideInAPackage("io.streamsentinel.domain..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("io.streamsentinel.domain..", "java..")
        .check(classes);
  }

  @Test
  void runtimeShouldDependOnNothingOfTheProject() {
    noClasses()
        .that()
        .resideInAPackage("io.streamsentinel.runtime..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.streamsentinel..")
                .and(not(resideInAPackage("io.streamsentinel.runtime.."))))
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
