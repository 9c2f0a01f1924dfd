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
 * second round of exemplars, checks 2 and 3 after it, check 3 never read by anyone tuning, check 4
 * written beside the clause model and never read either). Each figure has a floor a little under
 * what the shipped model reaches, so a change that loses recall on phrasings it was not written for
 * fails here. The issue's targets (97 % raised, 99 % raised or asked, 90 % imminent, at most 3 % of
 * benign raised) are printed beside them, not asserted: the model does not reach them yet.
 */
class SafetyCheckSetsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // set, raised, raised or asked, imminent, benign raised (max), benign raised or asked (max);
    // measured (2026-12-02, clause model on 15,404 exemplars):
    // check 90.7 98.5 92.4 3.8 6.7 | languages 84.7 98.3 82.4 7.9 15.8 | questions 0.8 1.2;
    // check2 79.6 98.1 98.7 2.6 5.2 | 75.4 91.2 100 2.8 7.0 | 0 1.2;
    // check3 84.1 95.4 94.9 2.9 5.8 | 82.5 93.7 94.1 2.8 9.7 | 0 0;
    // check4 (new, never read) 83.5 95.3 98.4 4.4 7.3 | 77.9 93.5 86.7 1.4 8.5 | 0.4 0.4
    // with the character-gram head (2026-12-03, same exemplars):
    // check 95.6 99.0 92.4 3.3 8.7 | languages 93.2 100 82.4 3.2 9.5 | questions 0.8 0.8;
    // check2 91.7 97.7 98.7 2.6 4.4 | 87.7 98.2 100 2.8 5.6 | 0 1.2;
    // check3 90.4 97.9 97.4 2.9 5.3 | 88.9 98.4 100 2.8 2.8 | 0 1.2;
    // check4 89.4 98.8 96.7 3.7 5.9 | 90.9 94.8 100 0 4.3 | 0.4 0.8;
    // and an imminent gram head: imminent 95.5 | 88.2, 98.7 | 100, 98.7 | 100, 98.4 | 100.
    // Check 1's benign raised or asked rose from 16 to 21 of 239 (asked, not paged: one direct
    // question) while 10 more of its 204 dangerous messages were raised; its ceiling rose with it.
    "eval/safety-check-school.tsv,     93, 97, 93, 4.5, 9.5",
    "eval/safety-check-languages.tsv,  90, 97, 85, 5, 11",
    "eval/safety-check-questions.tsv,   0,  0,  0, 2, 2.5",
    "eval/safety-check2-school.tsv,    89, 96, 96, 4, 6",
    "eval/safety-check2-languages.tsv, 85, 96, 93, 4.5, 7",
    "eval/safety-check2-questions.tsv,  0,  0,  0, 1, 2.5",
    "eval/safety-check3-school.tsv,    88, 96, 95, 4, 7",
    "eval/safety-check3-languages.tsv, 86, 96, 94, 4.5, 5",
    "eval/safety-check3-questions.tsv,  0,  0,  0, 1, 2",
    "eval/safety-check4-school.tsv,    87, 97, 96, 5, 7.5",
    "eval/safety-check4-languages.tsv, 88, 92, 95, 2, 6",
    "eval/safety-check4-questions.tsv,  0,  0,  0, 1.5, 2",
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
   * 78.8, 88.7, 80.0, 87.1 and 81.3 % right (75.8, 85.9, 77.1, 85.7, 79.8 before the gram heads);
   * 78.8, 88.7, 84.3, 87.1, 81.3 since a question never settles an earlier risk (check3: three
   * risky conversations whose last line asked about something else had been settled).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "eval/safety-check-conversations.jsonl,  76",
    "eval/safety-check2-conversations.jsonl, 86",
    "eval/safety-check3-conversations.jsonl, 81",
    "eval/safety-check4-conversations.jsonl, 86",
    "eval/safety-context-w8.tsv,             79",
  })
  void conversationsMeetTheirFloor(String file, double right) throws IOException {
    RiskAssessor assessor = SharedAssessor.get();
    int total = 0;
    int ok = 0;
    List<Conversation> all = conversations(file);
    List<RiskAssessment> lasts = all.parallelStream().map(c -> last(assessor, c)).toList();
    for (int i = 0; i < all.size(); i++) {
      Conversation c = all.get(i);
      RiskAssessment last = lasts.get(i);
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

  /** The last message's assessment, the earlier ones given as SafetyResponder gives them. */
  private static RiskAssessment last(RiskAssessor assessor, Conversation c) {
    List<String> earlier = c.messages().subList(0, c.messages().size() - 1);
    return assessor.assess(
        c.messages().get(c.messages().size() - 1),
        earlier.stream().map(assessor::assess).toList(),
        earlier);
  }

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
