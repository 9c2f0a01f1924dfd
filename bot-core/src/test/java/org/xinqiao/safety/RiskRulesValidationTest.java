package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A counselor's typo in a data file must stop start-up with the file and line, not go silent. */
class RiskRulesValidationTest {

  private static final String MACROS =
      "# comment\nname\tpattern\tnote\nNEGATION\t(没有|不)\t\nRETRACTION\t开玩笑\t\nTHIRD\t孩子\t\n"
          + "FIRST\t我\t\nADVICE\t怎么办\t\n";
  private static final String TRAPS = "id\tpattern\tnote\nhyperbole\t笑死\t\n";
  private static final String ALIASES = "pattern\treplacement\tnote\n紫砂\t自杀\t\n";
  private static final String HEADER = "id\tpattern\tlevel\tcategories\tperson\tnote\n";

  private static Function<String, Reader> files(String lexicon) {
    Map<String, String> files = new HashMap<>();
    files.put("macros.tsv", MACROS);
    files.put("traps.tsv", TRAPS);
    files.put("aliases.tsv", ALIASES);
    files.put("lexicon.tsv", HEADER + lexicon);
    return name -> new StringReader(files.get(name));
  }

  @Test
  void loadsAWellFormedRuleSetAndUsesIt() {
    RiskRules rules = RiskRules.load(files("s.die\t想死|自杀\thigh\tsuicide\tany\tnote\n"));
    RiskAssessor assessor = new RiskAssessor(rules);
    assertThat(assessor.assess("好想紫砂").level()).isEqualTo(RiskLevel.HIGH);
    assertThat(assessor.assess("笑死").level()).isEqualTo(RiskLevel.NONE);
  }

  @Test
  void rejectsBadRegexNamingFileAndLine() {
    assertThatThrownBy(
            () ->
                RiskRules.load(
                    files("ok\t想死\thigh\tsuicide\tany\t\nbad\t(想死\thigh\tsuicide\tany\t\n")))
        .isInstanceOf(RiskRulesException.class)
        .hasMessageStartingWith("safety/lexicon.tsv:3:")
        .hasMessageContaining("bad pattern");
  }

  @Test
  void rejectsUnknownLevel() {
    assertThatThrownBy(() -> RiskRules.load(files("x\t想死\thgh\tsuicide\tany\t\n")))
        .hasMessage("safety/lexicon.tsv:2: unknown level 'hgh'");
  }

  @Test
  void rejectsUnknownCategory() {
    assertThatThrownBy(() -> RiskRules.load(files("x\t想死\thigh\tsuicid\tany\t\n")))
        .hasMessage("safety/lexicon.tsv:2: unknown category 'suicid'");
  }

  @Test
  void rejectsUnknownPersonMacroAndDuplicateId() {
    assertThatThrownBy(() -> RiskRules.load(files("x\t想死\thigh\tsuicide\tthem\t\n")))
        .hasMessage("safety/lexicon.tsv:2: unknown person");
    assertThatThrownBy(() -> RiskRules.load(files("x\t{NOPE}死\thigh\tsuicide\tany\t\n")))
        .hasMessage("safety/lexicon.tsv:2: unknown macro {NOPE}");
    assertThatThrownBy(
            () ->
                RiskRules.load(files("x\t想死\thigh\tsuicide\tany\t\nx\t自杀\thigh\tsuicide\tany\t\n")))
        .hasMessage("safety/lexicon.tsv:3: duplicate rule id 'x'");
  }

  @Test
  void rejectsUnknownRepeatAndMissingEngineMacro() {
    Function<String, Reader> withRepeat =
        name ->
            name.equals("lexicon.tsv")
                ? new StringReader(
                    "id\tpattern\tlevel\tcategories\tperson\trepeat\tnote\n"
                        + "d\t想哭\tconcern\tdistress\tself\tsometimes\t\n")
                : files("").apply(name);
    assertThatThrownBy(() -> RiskRules.load(withRepeat))
        .hasMessage("safety/lexicon.tsv:2: unknown repeat 'sometimes' (yes, own or no)");
    Function<String, Reader> noFirst =
        name ->
            name.equals("macros.tsv")
                ? new StringReader(MACROS.replace("FIRST\t我\t\n", ""))
                : files("x\t想死\thigh\tsuicide\tany\t\n").apply(name);
    assertThatThrownBy(() -> RiskRules.load(noFirst))
        .hasMessage("safety/macros.tsv: macro FIRST is missing");
  }

  @Test
  void rejectsMissingColumn() {
    Function<String, Reader> broken =
        name ->
            name.equals("traps.tsv")
                ? new StringReader("id\tnote\nx\ty\n")
                : files("x\t想死\thigh\tsuicide\tany\t\n").apply(name);
    assertThatThrownBy(() -> RiskRules.load(broken))
        .hasMessage("safety/traps.tsv:1: header lacks column 'pattern'");
  }

  @Test
  void shippedDataFilesAreValid() {
    RiskRules rules = RiskRules.fromClasspath();
    assertThat(rules.rules()).hasSizeGreaterThan(40);
    assertThat(rules.traps()).isNotEmpty();
  }
}
