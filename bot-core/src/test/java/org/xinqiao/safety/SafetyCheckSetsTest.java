package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinqiao.safety.SafetyEvaluationTest.devRows;
import static org.xinqiao.safety.SafetyEvaluationTest.measure;
import static org.xinqiao.safety.SafetyEvaluationTest.resource;
import static org.xinqiao.safety.SafetyEvaluationTest.share;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The check sets: messages written for checking only, each set by a writer who saw neither the
 * exemplars nor the other sets, and never used for training or thresholds (check 1 before the
 * second round of exemplars, checks 2 and 3 after it, check 3 never read by anyone tuning). Each
 * figure has a floor a little under what the shipped model reaches, so a change that loses recall
 * on phrasings it was not written for fails here. The issue's targets (97 % raised, 99 % raised or
 * asked, 90 % imminent, at most 3 % of benign raised) are printed beside them, not asserted: the
 * model does not reach them yet.
 */
class SafetyCheckSetsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // set, raised, raised or asked, imminent, benign raised (max), benign raised or asked (max);
    // measured (2026-12-02): check 85.8 97.1 92.4 3.3 5.8 | languages 74.6 96.6 70.6 3.2 20.6 |
    // questions 0.8 1.2; check2 73.1 94.0 89.5 2.6 4.8 | 70.2 91.2 93.3 2.8 11.1 | 0 1.2;
    // check3 76.6 94.6 88.5 2.9 5.0 | 79.4 92.1 94.1 4.2 11.1 | 0 0
    "eval/safety-check-school.tsv,     83, 95, 90, 4.5, 7",
    "eval/safety-check-languages.tsv,  72, 94, 65, 5, 22",
    "eval/safety-check-questions.tsv,   0,  0,  0, 2, 2.5",
    "eval/safety-check2-school.tsv,    71, 92, 87, 4, 6",
    "eval/safety-check2-languages.tsv, 67, 89, 86, 4.5, 13",
    "eval/safety-check2-questions.tsv,  0,  0,  0, 1, 2.5",
    "eval/safety-check3-school.tsv,    74, 92, 86, 4, 6",
    "eval/safety-check3-languages.tsv, 76, 89, 88, 6, 13",
    "eval/safety-check3-questions.tsv,  0,  0,  0, 1, 1.5",
  })
  void checkSetMeetsItsFloors(
      String file,
      double raised,
      double raisedOrAsked,
      double imminent,
      double benignRaised,
      double benignRaisedOrAsked)
      throws IOException {
    SafetyEvaluationTest.SetFigures f = measure(file, devRows(file));
    assertThat(f.raised()).as("raised").isGreaterThanOrEqualTo(raised);
    assertThat(f.raisedOrAsked()).as("raised or asked").isGreaterThanOrEqualTo(raisedOrAsked);
    assertThat(f.imminent()).as("imminent").isGreaterThanOrEqualTo(imminent);
    assertThat(f.benignRaised()).as("benign raised").isLessThanOrEqualTo(benignRaised);
    assertThat(f.benignRaised() + f.benignAsked())
        .as("benign raised or asked")
        .isLessThanOrEqualTo(benignRaisedOrAsked);
  }

  /**
   * The level of the last message, given the earlier ones as SafetyResponder gives them; measured
   * 75.8, 85.9, 74.3 and 78.3 % right.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "eval/safety-check-conversations.jsonl,  73",
    "eval/safety-check2-conversations.jsonl, 83",
    "eval/safety-check3-conversations.jsonl, 72",
    "eval/safety-context-w8.tsv,             76",
  })
  void conversationsMeetTheirFloor(String file, double right) throws IOException {
    RiskAssessor assessor = SharedAssessor.get();
    int total = 0;
    int ok = 0;
    for (Conversation c : conversations(file)) {
      List<String> earlier = c.messages().subList(0, c.messages().size() - 1);
      RiskAssessment last =
          assessor.assess(
              c.messages().get(c.messages().size() - 1),
              earlier.stream().map(assessor::assess).toList(),
              earlier);
      total++;
      boolean asked = last.ask() && !c.expected().stream().anyMatch(l -> l.atLeast(RiskLevel.HIGH));
      if (c.expected().contains(last.level()) && !asked) {
        ok++;
      } else {
        System.out.printf(
            "%s miss: expected %s got %s%s %s: %s%n",
            file, c.expected(), last.level(), last.ask() ? " (ask)" : "", last.why(), c.messages());
      }
    }
    double share = share(ok, total);
    System.out.printf(
        Locale.ROOT,
        "%s: last message right %d/%d = %.1f%% (target 11 in 12)%n",
        file,
        ok,
        total,
        share);
    assertThat(share).isGreaterThanOrEqualTo(right);
  }

  record Conversation(List<String> messages, Set<RiskLevel> expected) {}

  private static List<Conversation> conversations(String file) throws IOException {
    List<Conversation> out = new ArrayList<>();
    String body;
    try (InputStream in = resource(file)) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JsonMapper json = JsonMapper.builder().build();
    for (String line : body.split("\n")) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("messages\t")) {
        continue;
      }
      List<String> messages = new ArrayList<>();
      String expected;
      if (file.endsWith(".jsonl")) {
        JsonNode node = json.readTree(line);
        node.get("messages").forEach(m -> messages.add(m.asString()));
        expected = node.get("expected").asString();
      } else {
        String[] cells = line.split("\t");
        messages.addAll(Arrays.asList(cells[0].split(" \\|\\| ")));
        expected = cells[1];
      }
      Set<RiskLevel> levels =
          Arrays.stream(expected.trim().split("\\|"))
              .map(RiskLevel::fromCode)
              .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(RiskLevel.class)));
      if (levels.contains(RiskLevel.HIGH)) {
        levels.add(RiskLevel.IMMINENT); // as in the other sets: high means raised to high or above
      }
      out.add(new Conversation(messages, levels));
    }
    return out;
  }
}
