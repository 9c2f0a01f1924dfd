package org.xinqiao.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CalibrationAdditionsTest {
  private static final String CALIBRATION =
      "# calibration\nquestion\tlabel\n孩子不想上学\tschool-refusal\n校服在哪里买\tadmin\n";

  @Test
  void newOutOfScopeQuestionsFromTheConsoleAreAppendedOnceWithTheirLabels() {
    String additions =
        "# Questions content authors marked out of scope\n"
            + "学校的校车几点到站\tadmin\n"
            + "校服在哪裡買\tadmin\n" // the same question in Traditional characters
            + "今天股市怎么样\t-\n";
    CalibrationAdditions.Folded folded =
        CalibrationAdditions.fold(CALIBRATION, additions, LocalDate.of(2026, 12, 2));
    assertThat(folded.added()).isEqualTo(2);
    assertThat(folded.alreadyThere()).isEqualTo(1);
    assertThat(folded.calibration())
        .startsWith(CALIBRATION)
        .endsWith(
            "# folded from the console's calibration-additions.tsv on 2026-12-02\n"
                + "学校的校车几点到站\tadmin\n今天股市怎么样\t-\n");
    CalibrationSet set =
        CalibrationSet.parse(folded.calibration().getBytes(StandardCharsets.UTF_8));
    assertThat(set.of(CalibrationSet.Kind.ADMIN)).hasSize(2);
    assertThat(set.of(CalibrationSet.Kind.OTHER)).hasSize(1);
    assertThat(CalibrationAdditions.fold(folded.calibration(), additions, LocalDate.now()).added())
        .isZero();
  }

  @Test
  void aLineWithoutALabelIsRefusedAndNothingIsFolded() {
    assertThatThrownBy(() -> CalibrationAdditions.fold(CALIBRATION, "没有标签的一行\n", LocalDate.now()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no label");
  }
}
