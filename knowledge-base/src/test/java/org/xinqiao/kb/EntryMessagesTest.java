package org.xinqiao.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An entry's {@code messages} (longer messages as parents and teachers write them) are matched by
 * meaning, as a feature of their own, and never by their words: everyday words like 最近, 着急 or 孩子
 * would otherwise make Lucene find every entry.
 */
class EntryMessagesTest {
  private static final int MESSAGE_COSINE = GateFeatures.ENTRY.indexOf("message_cosine");
  private static final int LUCENE_RANK = GateFeatures.ENTRY.indexOf("lucene_rank");

  @Test
  void everyShippedEntryHasLongerMessagesAndItsOwnAreItsClosest() {
    try (KnowledgeBase kb = KnowledgeBase.load(TestContent.forEvaluation())) {
      for (Entry entry : kb.entries()) {
        assertThat(entry.messages()).as(entry.id()).hasSizeGreaterThanOrEqualTo(4);
        String message = entry.messages().get(0);
        GateFeatures.Candidate own =
            kb.index().features(message, Audience.BOTH, false).candidates().stream()
                .filter(c -> c.entry().id().equals(entry.id()))
                .findFirst()
                .orElseThrow();
        assertThat(own.x()[MESSAGE_COSINE]).as(entry.id()).isGreaterThan(0.99);
      }
    }
  }

  @Test
  void wordsThatOnlyAMessageUsesAreNotSearchedByLucene() {
    String told = "孩子每天晚上都要弹半小时琵琶才肯睡觉";
    try (KnowledgeBase asQuestion = KnowledgeBase.load(withSleep("questions", told));
        KnowledgeBase asMessage = KnowledgeBase.load(withSleep("messages", told))) {
      // the same words in the questions are found by Lucene: the word is searchable
      assertThat(lucene(asQuestion, "琵琶")).contains("sleep-problems");
      assertThat(asMessage.entry("sleep-problems").orElseThrow().messages()).containsExactly(told);
      assertThat(lucene(asMessage, "琵琶")).isEmpty();
      GateFeatures.Candidate sleep =
          asMessage.index().features(told, Audience.BOTH, false).candidates().stream()
              .filter(c -> c.entry().id().equals("sleep-problems"))
              .findFirst()
              .orElseThrow();
      assertThat(sleep.x()[MESSAGE_COSINE]).isGreaterThan(0.99);
    }
  }

  private static List<String> lucene(KnowledgeBase kb, String question) {
    return kb.index().features(question, Audience.BOTH, false).candidates().stream()
        .filter(c -> c.x()[LUCENE_RANK] > 0)
        .map(c -> c.entry().id())
        .toList();
  }

  /** The valid fixtures with {@code text} added to the sleep entry's {@code key} list. */
  private static List<ContentFile> withSleep(String key, String text) {
    List<ContentFile> files = new ArrayList<>();
    for (ContentFile file : Fixtures.valid()) {
      if (!file.name().equals("sleep-problems.md")) {
        files.add(file);
      } else if (key.equals("questions")) {
        files.add(ContentEdits.addQuestion(file, text));
      } else {
        files.add(ContentEdits.withList(file, key, List.of(text)));
      }
    }
    return files;
  }
}
