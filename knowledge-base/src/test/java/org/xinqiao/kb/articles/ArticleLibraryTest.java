package org.xinqiao.kb.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinqiao.kb.Audience;
import org.xinqiao.kb.ContentError;
import org.xinqiao.kb.ContentException;
import org.xinqiao.kb.ContentFile;
import org.xinqiao.kb.DirectoryContent;

class ArticleLibraryTest {

  @Test
  void shippedArticlesAreValid() throws Exception {
    Path folder = Path.of("content", "articles");
    Assumptions.assumeTrue(
        Files.isDirectory(folder) && !DirectoryContent.read(folder).isEmpty(),
        "no articles shipped yet");
    ArticleLibrary library = ArticleLibrary.fromDirectory(folder);
    assertThat(library.articles()).isNotEmpty();
    assertThat(library.articles()).allSatisfy(a -> assertThat(a.html()).isNotBlank());
  }

  @Test
  void loadsFixtureAndRendersBodyToEscapedHtml() {
    ArticleLibrary library = ArticleLibrary.fromDirectory(fixtures());
    Article article = library.article("p01-sample").orElseThrow();
    assertThat(article.audience()).isEqualTo(Audience.PARENT);
    assertThat(article.week()).isEqualTo(1);
    assertThat(article.grades()).isEqualTo("1-6");
    assertThat(article.cover()).isEqualTo("covers/test.png");
    assertThat(article.html())
        .contains("<strong>需要时间</strong>", "<h2>家长可以做的</h2>", "<li>早点起床，留出余地。</li>")
        .doesNotContain("<script>");
    assertThat(library.forWeek(1, Audience.PARENT)).containsExactly(article);
    assertThat(library.forWeek(1, Audience.TEACHER)).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "audience: parent       | audience: pupils     | 4 | audience must be parent, teacher or both",
        "week: 1                | week: 17             | 6 | week must be a whole number from 1 to 16",
        "week: 1                | week: first          | 6 | week must be a whole number",
        "cover: covers/test.png | cover: covers/no.png | 8 | cover 'covers/no.png' does not exist",
        "cover: covers/test.png | cover: ../../x.png   | 8 | does not exist",
        "id: p01-sample         | id: p02-other        | 2 | must equal the file name",
        "title: 开学第一周          | title: ''            | 3 | missing required field 'title'",
      })
  void reportsFileAndLineOfEachProblem(String from, String to, int line, String message) {
    List<ContentError> errors = errorsFor(sample().replace(from.strip(), to.strip()));
    assertThat(errors)
        .anySatisfy(
            e -> {
              assertThat(e.file()).isEqualTo("p01-sample.md");
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.message()).contains(message);
            });
  }

  @Test
  void rejectsSummaryLongerThanSixtyCharacters() {
    String text = sample().replaceFirst("summary: .*", "summary: " + "很".repeat(61));
    assertThat(errorsFor(text))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("at most 60"));
  }

  private static List<ContentError> errorsFor(String text) {
    Path folder = fixtures();
    try {
      ArticleLibrary.load(
          List.of(new ContentFile("p01-sample.md", text)),
          cover ->
              Files.isRegularFile(folder.resolve(cover).normalize())
                  && folder.resolve(cover).normalize().startsWith(folder));
    } catch (ContentException e) {
      return e.errors();
    }
    throw new AssertionError("expected errors");
  }

  @Test
  void loadFailsListingEveryFile() {
    ContentFile bad = new ContentFile("p01-sample.md", sample().replace("week: 1", "week: 0"));
    assertThatThrownBy(() -> ArticleLibrary.load(List.of(bad), cover -> true))
        .isInstanceOf(ContentException.class)
        .hasMessageContaining("p01-sample.md:6:");
  }

  private static String sample() {
    return DirectoryContent.read(fixtures()).get(0).text();
  }

  private static Path fixtures() {
    try {
      return Path.of(
          ArticleLibraryTest.class.getClassLoader().getResource("kb/fixtures/articles").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
