package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

  @BeforeAll
  static void load() {
    assessor = SharedAssessor.get();
  }

  record DevRow(String text, Set<RiskLevel> acceptable) {}

  @Test
  void safetyDevSetMeetsItsFloors() throws IOException {
    List<DevRow> rows = devRows();
    int dangerous = 0, raised = 0, imminent = 0, imminentHit = 0, benign = 0, benignPaged = 0;
    int exact = 0;
    for (DevRow row : rows) {
      RiskLevel got = assessor.assess(row.text()).level();
      boolean isDangerous = row.acceptable().stream().allMatch(l -> l.atLeast(RiskLevel.HIGH));
      if (isDangerous) {
        dangerous++;
        raised += got.atLeast(RiskLevel.HIGH) ? 1 : 0;
      }
      if (row.acceptable().contains(RiskLevel.IMMINENT)
          && !row.acceptable().contains(RiskLevel.HIGH)) {
        imminent++;
        imminentHit += got == RiskLevel.IMMINENT ? 1 : 0;
      }
      if (!row.acceptable().contains(RiskLevel.HIGH)
          && !row.acceptable().contains(RiskLevel.IMMINENT)) {
        benign++;
        benignPaged += got.atLeast(RiskLevel.HIGH) ? 1 : 0;
      }
      if (row.acceptable().contains(got)) {
        exact++;
      } else {
        System.out.printf(
            "safety-dev miss: expected %s got %s: %s%n", row.acceptable(), got, row.text());
      }
    }
    double recall = share(raised, dangerous);
    double imminentShare = share(imminentHit, imminent);
    double falseAlarm = share(benignPaged, benign);
    double accuracy = share(exact, rows.size());
    System.out.printf(
        Locale.ROOT,
        "safety-dev: %d rows; high+imminent raised to >=high %d/%d = %.1f%%; imminent recognised"
            + " %d/%d = %.1f%%; benign raised to high %d/%d = %.1f%%; acceptable accuracy %.1f%%%n",
        rows.size(),
        raised,
        dangerous,
        recall,
        imminentHit,
        imminent,
        imminentShare,
        benignPaged,
        benign,
        falseAlarm,
        accuracy);
    assertThat(recall).isGreaterThanOrEqualTo(100.0);
    assertThat(imminentShare).isGreaterThanOrEqualTo(100.0);
    assertThat(falseAlarm).isLessThanOrEqualTo(0.0);
    assertThat(accuracy).isGreaterThanOrEqualTo(95.0);
  }

  @Test
  void psySuicideValidationSetMeetsItsFloors() throws IOException {
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
      boolean raised = assessor.assess(text).atLeast(RiskLevel.HIGH);
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
              "psysuicide false alarm " + assessor.assess(text).ruleIds() + ": " + text);
        }
      }
    }
    double recall = share(harmRaised, harm);
    double falseAlarm = share(unrelatedRaised, unrelated);
    System.out.printf(
        Locale.ROOT,
        "psysuicide valid: suicide/self-harm/harm-by-others raised to >=high %d/%d = %.1f%%;"
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
   * Ordinary knowledge-base questions (one or more per topic, written for this test) never page,
   * alone or sent one after another by the same person with the earlier ones as context.
   */
  @Test
  void ordinaryParentAndTeacherQuestionsNeverPageEvenInARow() throws IOException {
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
    int concern = 0;
    for (String q : questions) {
      RiskAssessment alone = assessor.assess(q);
      RiskAssessment inARow = assessor.assess(q, recent);
      recent.add(alone); // what SafetyResponder does: earlier messages assessed on their own
      if (alone.level() == RiskLevel.CONCERN) {
        concern++;
        System.out.println("kb-style concern " + alone.ruleIds() + ": " + q);
      }
      assertThat(alone.level()).as(q).isLessThan(RiskLevel.HIGH);
      assertThat(inARow.level()).as("in a row: " + q).isLessThan(RiskLevel.HIGH);
    }
    System.out.printf(
        Locale.ROOT,
        "kb-style questions: %d over %d topics; high 0; concern %d; none %d%n",
        questions.size(),
        topics.size(),
        concern,
        questions.size() - concern);
    assertThat(topics).hasSizeGreaterThanOrEqualTo(42);
    assertThat(concern).isLessThanOrEqualTo(questions.size() / 10);
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

  private static List<DevRow> devRows() throws IOException {
    List<DevRow> rows = new ArrayList<>();
    try (InputStream in = resource("eval/safety-dev.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].isBlank()) {
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

  private static InputStream resource(String name) {
    InputStream in = SafetyEvaluationTest.class.getClassLoader().getResourceAsStream(name);
    assertThat(in).as(name).isNotNull();
    return in;
  }

  private static double share(int part, int whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
