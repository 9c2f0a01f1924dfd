package org.xinqiao.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentValidationTest {

  @Test
  void shippedContentIsValid() {
    List<ContentFile> files = DirectoryContent.read(TestContent.shippedDirectory());
    List<ContentError> errors = KnowledgeBase.validate(files);
    assertThat(errors).as("errors in knowledge-base/content").isEmpty();
    assertThat(files).as("entry files in knowledge-base/content").hasSizeGreaterThanOrEqualTo(42);
  }

  @Test
  void acceptsValidFixtures() {
    assertThat(KnowledgeBase.validate(Fixtures.valid())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "id-mismatch.md         | 2  | must equal the file name",
        "missing-title.md       | 1  | missing required field 'title'",
        "bad-audience.md        | 4  | audience must be parent, teacher or both",
        "empty-questions.md     | 5  | questions must not be empty",
        "messages-not-a-list.md | 7  | must be a list",
        "missing-keywords.md    | 1  | missing required field 'keywords'",
        "unknown-related.md     | 9  | unknown related id 'no-such-topic'",
        "missing-review-date.md | 10 | reviewed.date",
        "missing-review-role.md | 10 | reviewed.role is missing",
        "missing-section.md     | 14 | missing section '## 可以这样做'",
        "long-short-answer.md   | 14 | one WeChat message allows at most 300",
        "bad-yaml.md            | 9  | invalid YAML",
        "no-front-matter.md     | 1  | must start with '---'",
      })
  void reportsFileAndLineOfEachProblem(String file, int line, String message) {
    List<ContentError> errors = KnowledgeBase.validate(Fixtures.validPlusBroken(file));
    assertThat(errors)
        .anySatisfy(
            e -> {
              assertThat(e.file()).isEqualTo(file);
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.message()).contains(message);
            });
    assertThat(errors).allSatisfy(e -> assertThat(e.file()).isEqualTo(file));
  }

  @Test
  void rejectsDuplicateIds() {
    List<ContentFile> files = new ArrayList<>(Fixtures.valid());
    files.add(files.get(0));
    assertThat(KnowledgeBase.validate(files))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("duplicate id 'school-refusal'"));
  }

  @Test
  void rejectsShortAnswerOverWeChatByteLimit() {
    ContentFile valid = Fixtures.valid().get(0);
    // 280 four-byte characters padded with blank lines: under 300 visible characters but over
    // the byte budget of one message.
    String wide = "\uD83D\uDE00".repeat(280) + "\n".repeat(200) + "。";
    ContentFile wideAnswer =
        new ContentFile(valid.name(), valid.text().replace("孩子不想上学，往往是在学校遇到了难处。", wide));
    List<ContentFile> files = new ArrayList<>(Fixtures.valid());
    files.set(0, wideAnswer);
    assertThat(KnowledgeBase.validate(files))
        .anySatisfy(e -> assertThat(e.message()).contains("UTF-8 bytes"));
  }

  @Test
  void loadRefusesInvalidContentListingEveryError() {
    List<ContentFile> files = new ArrayList<>(Fixtures.validPlusBroken("missing-title.md"));
    files.add(Fixtures.validPlusBroken("bad-audience.md").get(3));
    assertThatThrownBy(() -> KnowledgeBase.load(files))
        .isInstanceOf(ContentException.class)
        .hasMessageContaining("missing-title.md:1:")
        .hasMessageContaining("bad-audience.md:4:");
  }

  @Test
  void parsesSectionsAndFrontMatterIntoEntry() {
    try (KnowledgeBase kb = KnowledgeBase.load(Fixtures.valid())) {
      Entry entry = kb.entry("sleep-problems").orElseThrow();
      assertThat(entry.audience()).isEqualTo(Audience.BOTH);
      assertThat(entry.questions()).containsExactly("孩子晚上睡不着", "孩子经常做噩梦");
      assertThat(entry.related()).containsExactly("school-refusal");
      assertThat(entry.reviewedDate()).hasToString("2026-11-29");
      assertThat(entry.shortAnswer()).isEqualTo("固定的睡前流程能帮孩子安心入睡。");
      assertThat(entry.steps()).startsWith("1. 每天同一时间上床");
      assertThat(entry.whenToSeekHelp()).contains("预约");
      assertThat(kb.entries())
          .extracting(Entry::id)
          .containsExactly("school-refusal", "screen-time", "sleep-problems");
    }
  }
}
