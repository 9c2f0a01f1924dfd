package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exemplar files are validated line by line, and a mistake names the file and line. */
class ExemplarFilesTest {

  private static final String HEADER = "text\tlevel\tcategory\tperson\tsource\tgroup\tnote\n";

  private static List<Exemplar> read(String body) {
    return ExemplarFiles.read("x.tsv", new StringReader("# a comment\n" + HEADER + body));
  }

  @Test
  void readsWellFormedLinesWithTheirFileAndLine() {
    List<Exemplar> lines =
        read(
            "我不想活了\thigh\tsuicide\tself\twritten\tx-1\t直接表达\n"
                + "# section\n"
                + "笑死我了\tnone\t-\t-\twritten\tx-2\t夸张\n");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).level()).isEqualTo(RiskLevel.HIGH);
    assertThat(lines.get(0).categories()).containsExactly(RiskCategory.SUICIDE);
    assertThat(lines.get(1).ref()).isEqualTo("x.tsv:5");
  }

  @Test
  void rejectsAWrongNumberOfFields() {
    assertThatThrownBy(() -> read("我不想活了\thigh\tsuicide\tself\twritten\tx-1\n"))
        .isInstanceOf(RiskRulesException.class)
        .hasMessage("x.tsv:3: 6 fields, expected 7");
  }

  @Test
  void rejectsUnknownLevelCategoryAndPerson() {
    assertThatThrownBy(() -> read("a\thihg\tsuicide\tself\twritten\tg\tn\n"))
        .hasMessageStartingWith("x.tsv:3: unknown level 'hihg'");
    assertThatThrownBy(() -> read("a\thigh\tsuicid\tself\twritten\tg\tn\n"))
        .hasMessageStartingWith("x.tsv:3: unknown category 'suicid'");
    assertThatThrownBy(() -> read("a\thigh\tsuicide\tme\twritten\tg\tn\n"))
        .hasMessageStartingWith("x.tsv:3: unknown person 'me'");
    assertThatThrownBy(() -> read("a\thigh\t-\tself\twritten\tg\tn\n"))
        .hasMessage("x.tsv:3: level high needs a category");
  }

  @Test
  void rejectsAnEmptyTextAndAMissingHeader() {
    assertThatThrownBy(() -> read(" \thigh\tsuicide\tself\twritten\tg\tn\n"))
        .hasMessage("x.tsv:3: empty text");
    assertThatThrownBy(() -> ExemplarFiles.read("y.tsv", new StringReader("a\tb\n")))
        .hasMessageStartingWith("y.tsv:1: the first line must be the header");
  }

  @Test
  void rejectsTheSameTextWithTwoLevelsAcrossFilesAndKeepsExactRepeatsOnce() {
    List<Exemplar> all = new ArrayList<>(read("我想死\thigh\tsuicide\tself\twritten\tg\tn\n"));
    all.addAll(
        ExemplarFiles.read(
            "z.tsv", new StringReader(HEADER + "我想死 \thigh\tsuicide\tself\twritten\th\tn\n")));
    assertThat(ExemplarFiles.validated(all)).hasSize(1);
    all.addAll(
        ExemplarFiles.read(
            "z.tsv", new StringReader(HEADER + "\n我想死\tnone\t-\t-\twritten\th\tn\n")));
    assertThatThrownBy(() -> ExemplarFiles.validated(all))
        .hasMessage("z.tsv:3: the same text is high at x.tsv:3 and none here");
  }

  @Test
  void theShippedExemplarFilesAreValid() {
    assertThat(ExemplarFiles.fromClasspath()).hasSizeGreaterThan(1000);
  }

  @Test
  void aBrokenModelFileFailsLoudly() {
    assertThatThrownBy(
            () -> ExemplarVectors.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), "v"))
        .isInstanceOf(RiskRulesException.class)
        .hasMessageContaining("not an exemplar vector file");
    assertThatThrownBy(
            () ->
                LinearHead.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 4, 0, 0, 0, 9}), "h"))
        .isInstanceOf(RiskRulesException.class)
        .hasMessageContaining("expected 4x513");
  }
}
