package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the assessor on the two development sets and fails when a figure drops below its floor
 * (set a little under what the rules achieve today). Prints the figures and the misses so that a
 * rule author sees what changed. Held-out sets are measured outside the repository.
 */
class SafetyEvaluationTest {

  private static final Set<String> HARM_LABELS =
      Set.of("自杀未遂", "自杀准备行为", "自杀计划", "主动自杀意图", "被动自杀意图", "自伤行为", "自伤意图", "他人攻击行为");
  private static final String UNRELATED = "与自杀/自伤/攻击行为无关";

  private static RiskAssessor assessor;

  // floors, a little under what the shipped model reaches (measured in parentheses)
  static final double DEV_RAISED = 100, DEV_IMMINENT = 100; // (100, 100)
  static final double DEV_BENIGN_RAISED = 5, DEV_ACCURACY = 93; // (4.5, 95.7)
  static final double OWN_RAISED = 94,
      OWN_RAISED_OR_ASKED = 98,
      OWN_IMMINENT = 95; // (96.5, 100, 100)
  // benign raised rose from 3 to 5 of 79 lines with the clause model (it raised 8 more risky ones)
  static final double OWN_BENIGN_RAISED = 6.5, OWN_BENIGN_ASKED = 3.5; // (5.1, 2.5)
  // on 15,404 exemplars (1,297 of them the w11 English/pinyin/mixed lines): not comparable with
  // the figures on the 14,107 before them
  // with the character-gram heads: (80.3, 94.6, 81.7), none (3.9, 5.3), PsySUICIDE (94.4, 2.8)
  static final double CV_RAISED = 78, CV_RAISED_OR_ASKED = 93, CV_IMMINENT = 79;
  static final double CV_NONE_RAISED = 4.3, CV_NONE_ASKED = 5.8;
  static final double CV_PSY_RAISED = 93, CV_PSY_NONE = 3.1;
  static final double KB_FLAGGED = 3, KB_FLAGGED_IN_A_ROW = 3; // (0, 0)

  @BeforeAll
  static void load() {
    assessor = SharedAssessor.get();
  }

  record DevRow(String text, Set<RiskLevel> acceptable) {}

  /** Figures of a set of (text, acceptable levels) lines, in percent. */
  record SetFigures(
      double raised,
      double raisedOrAsked,
      double imminent,
      double benignRaised,
      double benignAsked,
      double accuracy) {}

  @Test
  void safetyDevSetMeetsItsFloors() throws IOException {
    SetFigures f = measure("safety-dev", devRows("eval/safety-dev.tsv"));
    assertThat(f.raised()).isGreaterThanOrEqualTo(DEV_RAISED);
    assertThat(f.imminent()).isGreaterThanOrEqualTo(DEV_IMMINENT);
    assertThat(f.benignRaised()).isLessThanOrEqualTo(DEV_BENIGN_RAISED);
    assertThat(f.accuracy()).isGreaterThanOrEqualTo(DEV_ACCURACY);
  }

  /**
   * Fresh phrasings written for this test only (never used for training or thresholds):
   * school-style high and imminent messages, ordinary parent and teacher questions, English and
   * pinyin.
   */
  @Test
  void ownCheckSetMeetsItsFloors() throws IOException {
    SetFigures f = measure("own-check", devRows("eval/safety-own-check.tsv"));
    assertThat(f.raised()).isGreaterThanOrEqualTo(OWN_RAISED);
    assertThat(f.raisedOrAsked()).isGreaterThanOrEqualTo(OWN_RAISED_OR_ASKED);
    assertThat(f.imminent()).isGreaterThanOrEqualTo(OWN_IMMINENT);
    assertThat(f.benignRaised()).isLessThanOrEqualTo(OWN_BENIGN_RAISED);
    assertThat(f.benignAsked()).isLessThanOrEqualTo(OWN_BENIGN_ASKED);
  }

  /** The cross-validated figures of the shipped model (metadata.json, reproduced by training). */
  @Test
  void crossValidatedFiguresMeetTheirFloors() throws IOException {
    Map<String, Double> cv;
    try (InputStream in = resource("safety/model/metadata.json")) {
      cv = JsonMapper.builder().build().readValue(in, ModelMetadata.class).figures();
    }
    cv.forEach(
        (k, v) -> {
          if (!k.startsWith("file ") && !k.endsWith("(lines)")) {
            System.out.printf(Locale.ROOT, "cross-validated %s: %.2f%%%n", k, v);
          }
        });
    assertThat(cv.get("written: high+imminent raised to >=high")).isGreaterThanOrEqualTo(CV_RAISED);
    assertThat(cv.get("written: high+imminent raised or asked"))
        .isGreaterThanOrEqualTo(CV_RAISED_OR_ASKED);
    assertThat(cv.get("written: imminent recognised")).isGreaterThanOrEqualTo(CV_IMMINENT);
    assertThat(cv.get("written: none raised to >=high")).isLessThanOrEqualTo(CV_NONE_RAISED);
    assertThat(cv.get("written: none asked")).isLessThanOrEqualTo(CV_NONE_ASKED);
    assertThat(cv.get("psysuicide: high+imminent raised to >=high"))
        .isGreaterThanOrEqualTo(CV_PSY_RAISED);
    assertThat(cv.get("psysuicide: none raised to >=high")).isLessThanOrEqualTo(CV_PSY_NONE);
  }

  static SetFigures measure(String name, List<DevRow> rows) {
    int dangerous = 0, raised = 0, asked = 0, imminent = 0, imminentHit = 0;
    int benign = 0, benignPaged = 0, benignAsked = 0, exact = 0;
    // assessed side by side (the assessor serves concurrent callbacks), then tallied in order
    RiskAssessor assessor = SharedAssessor.get();
    List<RiskAssessment> assessed =
        rows.parallelStream().map(r -> assessor.assess(r.text())).toList();
    for (int r = 0; r < rows.size(); r++) {
      DevRow row = rows.get(r);
      RiskAssessment a = assessed.get(r);
      RiskLevel got = a.level();
      boolean isDangerous = row.acceptable().stream().allMatch(l -> l.atLeast(RiskLevel.HIGH));
      if (isDangerous) {
        dangerous++;
        raised += got.atLeast(RiskLevel.HIGH) ? 1 : 0;
        asked += got.atLeast(RiskLevel.HIGH) || a.ask() ? 1 : 0;
      }
      if (row.acceptable().equals(Set.of(RiskLevel.IMMINENT))) {
        imminent++;
        imminentHit += got == RiskLevel.IMMINENT ? 1 : 0;
      }
      if (row.acceptable().stream().noneMatch(l -> l.atLeast(RiskLevel.HIGH))) {
        benign++;
        benignPaged += got.atLeast(RiskLevel.HIGH) ? 1 : 0;
        benignAsked += a.ask() ? 1 : 0;
      }
      if (row.acceptable().contains(got) && !(a.ask() && !isDangerous)) {
        exact++;
      } else {
        System.out.printf(
            "%s miss: expected %s got %s%s %s: %s%n",
            name, row.acceptable(), got, a.ask() ? " (ask)" : "", a.why(), row.text());
      }
    }
    SetFigures f =
        new SetFigures(
            share(raised, dangerous),
            share(asked, dangerous),
            share(imminentHit, imminent),
            share(benignPaged, benign),
            share(benignAsked, benign),
            share(exact, rows.size()));
    System.out.printf(
        Locale.ROOT,
        "%s: %d rows; high+imminent raised to >=high %d/%d = %.1f%%, raised or asked %.1f%%;"
            + " imminent recognised %d/%d = %.1f%%; benign raised to high %d/%d = %.1f%%, asked"
            + " %d/%d = %.1f%%; acceptable accuracy %.1f%%%n",
        name,
        rows.size(),
        raised,
        dangerous,
        f.raised(),
        f.raisedOrAsked(),
        imminentHit,
        imminent,
        f.imminent(),
        benignPaged,
        benign,
        f.benignRaised(),
        benignAsked,
        benign,
        f.benignAsked(),
        f.accuracy());
    return f;
  }

  /**
   * The rules alone on PsySUICIDE validation (they were tuned on it). The whole assessor is trained
   * on it, so its figures there are the cross-validated ones above; latency is the whole
   * assessor's.
   */
  @Test
  void psySuicideValidationSetMeetsTheRulesFloors() throws IOException {
    RiskAssessor rules = RiskAssessor.rulesOnly();
    JsonNode items;
    try (InputStream in = resource("eval/psysuicide/valid.json")) {
      items = JsonMapper.builder().build().readTree(in);
    }
    int harm = 0, harmRaised = 0, unrelated = 0, unrelatedRaised = 0;
    List<String> texts = new ArrayList<>();
    for (JsonNode item : items) {
      String text = item.get("text").asString();
      texts.add(text);
      List<String> labels = new ArrayList<>();
      item.get("labels").forEach(l -> labels.add(l.asString()));
      boolean raised = rules.assess(text).atLeast(RiskLevel.HIGH);
      if (labels.stream().anyMatch(HARM_LABELS::contains)) {
        harm++;
        harmRaised += raised ? 1 : 0;
        if (!raised) {
          System.out.println("psysuicide missed " + labels + ": " + text);
        }
      } else if (labels.equals(List.of(UNRELATED))) {
        unrelated++;
        unrelatedRaised += raised ? 1 : 0;
        if (raised) {
          System.out.println(
              "psysuicide false alarm " + rules.assess(text).ruleIds() + ": " + text);
        }
      }
    }
    double recall = share(harmRaised, harm);
    double falseAlarm = share(unrelatedRaised, unrelated);
    System.out.printf(
        Locale.ROOT,
        "psysuicide valid, rules alone: suicide/self-harm/harm-by-others raised to >=high %d/%d"
            + " = %.1f%%;"
            + " unrelated raised to >=high %d/%d = %.1f%%%n",
        harmRaised,
        harm,
        recall,
        unrelatedRaised,
        unrelated,
        falseAlarm);
    printLatency(texts);
    assertThat(recall).isGreaterThanOrEqualTo(92.0); // measured 93.9
    assertThat(falseAlarm).isLessThanOrEqualTo(2.5); // measured 1.5
  }

  /**
   * Ordinary knowledge-base questions (one or more per topic, written for this test) are almost
   * never raised or asked about, alone or sent one after another by the same person with the
   * earlier ones as context (as SafetyResponder does: earlier messages assessed alone, and their
   * texts).
   */
  @Test
  void ordinaryParentAndTeacherQuestionsAreAlmostNeverRaisedOrAskedEvenInARow() throws IOException {
    List<String> questions = new ArrayList<>();
    Set<String> topics = new java.util.TreeSet<>();
    try (InputStream in = resource("eval/kb-style-questions.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (String line : lines) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("topic\t")) {
          continue;
        }
        String[] cells = line.split("\t");
        topics.add(cells[0]);
        questions.add(cells[1].strip());
      }
    }
    List<RiskAssessment> recent = new ArrayList<>();
    List<String> recentTexts = new ArrayList<>();
    int concern = 0, flagged = 0, flaggedInARow = 0;
    for (String q : questions) {
      RiskAssessment alone = assessor.assess(q);
      RiskAssessment inARow = assessor.assess(q, recent, recentTexts);
      recent.add(alone);
      recentTexts.add(q);
      if (alone.level() == RiskLevel.CONCERN) {
        concern++;
        System.out.println("kb-style concern " + alone.why() + ": " + q);
      }
      if (alone.atLeast(RiskLevel.HIGH) || alone.ask()) {
        flagged++;
        System.out.println("kb-style raised or asked " + alone.why() + ": " + q);
      }
      if (inARow.atLeast(RiskLevel.HIGH) || inARow.ask()) {
        flaggedInARow++;
        System.out.println("kb-style in a row raised or asked " + inARow.why() + ": " + q);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "kb-style questions: %d over %d topics; raised or asked %d (%.1f%%), in a row %d (%.1f%%);"
            + " concern %d%n",
        questions.size(),
        topics.size(),
        flagged,
        share(flagged, questions.size()),
        flaggedInARow,
        share(flaggedInARow, questions.size()),
        concern);
    assertThat(topics).hasSizeGreaterThanOrEqualTo(42);
    assertThat(concern).isLessThanOrEqualTo(questions.size() / 10);
    assertThat(share(flagged, questions.size())).isLessThanOrEqualTo(KB_FLAGGED);
    assertThat(share(flaggedInARow, questions.size())).isLessThanOrEqualTo(KB_FLAGGED_IN_A_ROW);
  }

  /** Reported, never asserted: machines are noisy. */
  private static void printLatency(List<String> texts) {
    for (String t : texts) {
      assessor.assess(t); // warm up
    }
    long[] nanos = new long[texts.size()];
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < texts.size(); i++) {
        long start = System.nanoTime();
        assessor.assess(texts.get(i));
        nanos[i] = System.nanoTime() - start;
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "assess() latency over %d texts: median %.3f ms, p99 %.3f ms, max %.3f ms%n",
        nanos.length,
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) (nanos.length * 0.99)] / 1e6,
        nanos[nanos.length - 1] / 1e6);
  }

  static List<DevRow> devRows(String file) throws IOException {
    List<DevRow> rows = new ArrayList<>();
    try (InputStream in = resource(file)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isBlank() || lines[i].startsWith("#") || lines[i].startsWith("text\t")) {
          continue;
        }
        String[] cells = lines[i].split("\t");
        Set<RiskLevel> acceptable =
            Arrays.stream(cells[1].trim().split("\\|"))
                .map(RiskLevel::fromCode)
                .collect(java.util.stream.Collectors.toSet());
        rows.add(new DevRow(cells[0], acceptable));
      }
    }
    return rows;
  }

  static InputStream resource(String name) {
    InputStream in = SafetyEvaluationTest.class.getClassLoader().getResourceAsStream(name);
    assertThat(in).as(name).isNotNull();
    return in;
  }

  static double share(int part, int whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
