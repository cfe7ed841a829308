package io.streamsentinel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void shouldIncludeEveryRightOfTheRolesBelow() {
    assertThat(Role.ADMIN.includes(Role.OPERATOR)).isTrue();
    assertThat(Role.OPERATOR.includes(Role.ANALYST)).isTrue();
    assertThat(Role.ANALYST.includes(Role.VIEWER)).isTrue();
    assertThat(Role.ANALYST.includes(Role.ANALYST)).isTrue();
    assertThat(Role.VIEWER.includes(Role.ANALYST)).isFalse();
    assertThat(Role.OPERATOR.includes(Role.ADMIN)).isFalse();
  }

  @Test
  void shouldParseAnyCaseAndNameTheRolesOtherwise() {
    assertThat(Role.parse("Analyst")).isEqualTo(Role.ANALYST);
    assertThatThrownBy(() -> Role.parse("root"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("viewer, analyst, operator or admin");
  }
}
