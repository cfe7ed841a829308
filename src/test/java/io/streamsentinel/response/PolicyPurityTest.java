package io.streamsentinel.response;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.Alert;
import io.streamsentinel.domain.UserAction;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The action policy is pure: no Kafka, JSON or HTTP and no wall clock. Named class by class rather
 * than by package because the responder's client loop lives in the same package.
 */
class PolicyPurityTest {

  private static final Class<?>[] POLICY = {
    ActionPolicy.class,
    ActionType.class,
    Alert.class,
    AlertHistory.class,
    PolicySettings.class,
    ResponsePlan.class,
    UserAction.class
  };

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.streamsentinel.response");

  @Test
  void shouldDependOnNothingButTheDomainDetectionAndTheJdk() {
    noClasses()
        .that()
        .belongToAnyOf(POLICY)
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "io.streamsentinel.response..",
            "io.streamsentinel.domain..",
            "io.streamsentinel.detection..",
            "java..")
        .check(classes);
  }

  @Test
  void shouldNotReadTheWallClock() {
    noClasses()
        .that()
        .belongToAnyOf(POLICY)
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Clock.class)
        .check(classes);
  }
}
