package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The character-gram head learns which grams mark risky lines, reads a clause on its own, gives the
 * same weights for the same data, and survives its file (a broken file stops start-up).
 */
class LexicalHeadTest {

  private static final List<String> LINES =
      List.of(
          "东西都准备好了，今晚就走",
          "药都备好了，今晚就结束",
          "信写好了，放在抽屉里，今晚就走",
          "作业写好了，放在书包里",
          "今晚想吃饺子",
          "周末准备去公园走走",
          "孩子的书包放在哪里了",
          "明天准备考试，有点紧张");
  private static final boolean[] RISKY = {true, true, true, false, false, false, false, false};

  private static LexicalHead trained() {
    return LexicalHead.train(LINES.stream().map(LexicalHead::grams).toList(), RISKY, i -> true);
  }

  @Test
  void gramsOfRiskyLinesScoreAboveOrdinaryOnesAndAClauseIsReadOnItsOwn() {
    LexicalHead head = trained();
    double risky = head.score(LexicalHead.grams("都准备好了，今晚就走"));
    double ordinary = head.score(LexicalHead.grams("周末去公园吃饺子"));
    assertThat(risky).isGreaterThan(0.5).isGreaterThan(ordinary);
    String message = "今天下雨了，孩子在家写作业，都准备好了，今晚就走";
    LexicalHead.Reading read = head.read(message, Clauses.of(message));
    assertThat(read.clause()).isGreaterThanOrEqualTo(read.whole());
    assertThat(head.read(message, List.of()).clause()).isEqualTo(read.whole());
  }

  @Test
  void theSameDataGivesTheSameWeightsAndTheFileKeepsThem() throws Exception {
    LexicalHead head = trained();
    assertThat(trained().fingerprint()).isEqualTo(head.fingerprint());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    head.write(out);
    LexicalHead back = LexicalHead.read(new ByteArrayInputStream(out.toByteArray()), "t.bin");
    assertThat(back).isEqualTo(head);
    assertThat(back.fingerprint()).isEqualTo(head.fingerprint());
    byte[] longer = java.util.Arrays.copyOf(out.toByteArray(), out.size() + 1);
    assertThatThrownBy(() -> LexicalHead.read(new ByteArrayInputStream(longer), "t.bin"))
        .isInstanceOf(RiskRulesException.class)
        .hasMessageContaining("t.bin");
  }

  @Test
  void gramsIgnoreWidthCaseAndSpacing() {
    assertThat(LexicalHead.grams("ＡＢＣ  今晚")).isEqualTo(LexicalHead.grams("abc 今晚"));
    assertThat(LexicalHead.grams("")).isEmpty();
  }
}
