package org.xinqiao.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSearchTest {
  private static final SearchResult RESULT =
      new SearchResult(
          Verdict.NONE,
          List.of(new Hit("a", "A", 0.5), new Hit("b", "B", 0.25), new Hit("c", "C", 0)));

  @Test
  void writesOneJsonObjectPerQuestionWithThreeHitsEvenWhenNotAnswered() {
    try (KnowledgeBase kb = KnowledgeBase.load(Fixtures.valid())) {
      StringWriter out = new StringWriter();
      BatchSearch.run(kb, new StringReader("孩子沉迷打游戏怎么办\n学校食堂吃什么\n"), out);
      String[] lines = out.toString().split("\n");
      assertThat(lines).hasSize(2);
      assertThat(lines[0])
          .startsWith("{\"q\": \"孩子沉迷打游戏怎么办\", \"answered\": true,")
          .contains("\"hits\": [{\"id\": \"screen-time\", \"score\": ");
      assertThat(lines[1]).contains("\"answered\": false");
      assertThat(lines[1].split("\\{\"id\"")).hasSize(4);
    }
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(BatchSearch.toJson("say \"hi\" \\ now", RESULT))
        .startsWith("{\"q\": \"say \\\"hi\\\" \\\\ now\", ");
    assertThat(BatchSearch.toJson("a\tb\nc\rd\u0001e\u001f", RESULT))
        .startsWith("{\"q\": \"a\\tb\\nc\\rd\\u0001e\\u001f\", ");
  }

  @Test
  void keepsChineseAndEmojiButEscapesLoneSurrogates() {
    assertThat(BatchSearch.toJson("孩子😀", RESULT)).startsWith("{\"q\": \"孩子😀\", ");
    assertThat(BatchSearch.toJson("x\uD83Dy", RESULT)).startsWith("{\"q\": \"x\\ud83dy\", ");
  }

  @Test
  void writesScoresWithDotDecimalAndHitsBestFirst() {
    assertThat(BatchSearch.toJson("q", RESULT))
        .isEqualTo(
            "{\"q\": \"q\", \"answered\": false, \"verdict\": \"none\", \"hits\": [{\"id\": \"a\","
                + " \"score\": 0.500}, {\"id\": \"b\", \"score\": 0.250}, {\"id\": \"c\", \"score\":"
                + " 0.000}]}");
  }
}
