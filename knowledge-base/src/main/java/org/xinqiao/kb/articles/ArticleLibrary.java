package org.xinqiao.kb.articles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.xinqiao.kb.Audience;
import org.xinqiao.kb.ContentError;
import org.xinqiao.kb.ContentException;
import org.xinqiao.kb.ContentFile;
import org.xinqiao.kb.DirectoryContent;
import org.xinqiao.kb.FrontMatter;
import org.xinqiao.kb.Review;

/** The weekly articles, validated with the same file:line errors as the knowledge base. */
public final class ArticleLibrary {
  static final int MAX_SUMMARY_CHARS = 60;
  static final int WEEKS = 16;

  private static final Parser MARKDOWN = Parser.builder().build();
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private final List<Article> articles;

  private ArticleLibrary(List<Article> articles) {
    this.articles = List.copyOf(articles);
  }

  /** Loads {@code *.md} in the folder; covers are checked against files under that folder. */
  public static ArticleLibrary fromDirectory(Path folder) {
    return load(DirectoryContent.read(folder), cover -> isInside(folder, cover));
  }

  /**
   * Parses and validates articles.
   *
   * @param coverExists tells whether a cover path (relative to the articles folder) exists, so
   *     callers reading from the classpath can check there
   * @throws ContentException listing every problem found
   */
  public static ArticleLibrary load(List<ContentFile> files, Predicate<String> coverExists) {
    List<ContentError> errors = new ArrayList<>();
    List<Article> articles = new ArrayList<>();
    Map<String, String> fileById = new HashMap<>();
    for (ContentFile file : files) {
      parse(file, coverExists, errors)
          .ifPresent(
              article -> {
                String previous = fileById.putIfAbsent(article.id(), file.name());
                if (previous != null) {
                  errors.add(
                      new ContentError(
                          file.name(),
                          1,
                          "duplicate id '" + article.id() + "' (also in " + previous + ")"));
                } else {
                  articles.add(article);
                }
              });
    }
    if (!errors.isEmpty()) {
      throw new ContentException(errors);
    }
    articles.sort(Comparator.comparingInt(Article::week).thenComparing(Article::id));
    return new ArticleLibrary(articles);
  }

  /** All articles by week, then id. */
  public List<Article> articles() {
    return articles;
  }

  public Optional<Article> article(String id) {
    return articles.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** The articles of a week that suit a reader (articles for both suit everyone). */
  public List<Article> forWeek(int week, Audience reader) {
    return articles.stream().filter(a -> a.week() == week && a.audience().suits(reader)).toList();
  }

  private static Optional<Article> parse(
      ContentFile file, Predicate<String> coverExists, List<ContentError> errors) {
    int before = errors.size();
    Optional<FrontMatter> parsed = FrontMatter.parse(file, errors);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    FrontMatter fm = parsed.get();
    String id = fm.requireText("id", errors).orElse(null);
    String expected = file.name().replaceFirst("\\.md$", "");
    if (id != null && !id.equals(expected)) {
      errors.add(fm.error("id", "id '" + id + "' must equal the file name '" + expected + "'"));
    }
    String title = fm.requireText("title", errors).orElse(null);
    Audience audience = Audience.parse(fm.get("audience")).orElse(null);
    if (audience == null) {
      errors.add(fm.error("audience", "audience must be parent, teacher or both"));
    }
    Object grades = fm.get("grades");
    int week = fm.get("week") instanceof Integer w ? w : -1;
    if (week < 1 || week > WEEKS) {
      errors.add(fm.error("week", "week must be a whole number from 1 to " + WEEKS));
    }
    String summary = fm.requireText("summary", errors).orElse(null);
    if (summary != null && summary.codePointCount(0, summary.length()) > MAX_SUMMARY_CHARS) {
      errors.add(
          fm.error(
              "summary",
              "summary has "
                  + summary.codePointCount(0, summary.length())
                  + " characters; at most "
                  + MAX_SUMMARY_CHARS));
    }
    String cover = fm.requireText("cover", errors).orElse(null);
    if (cover != null && !coverExists.test(cover)) {
      errors.add(fm.error("cover", "cover '" + cover + "' does not exist"));
    }
    Review reviewed = Review.read(fm, errors).orElse(null);
    String markdown = String.join("\n", fm.bodyLines()).strip();
    if (markdown.isEmpty()) {
      errors.add(new ContentError(file.name(), fm.bodyStartLine(), "article body is empty"));
    }
    if (errors.size() > before) {
      return Optional.empty();
    }
    String html = HTML.render(MARKDOWN.parse(markdown));
    return Optional.of(
        new Article(
            id,
            title,
            audience,
            grades == null ? null : grades.toString(),
            week,
            summary,
            cover,
            markdown,
            html,
            reviewed));
  }

  private static boolean isInside(Path folder, String cover) {
    Path root = folder.toAbsolutePath().normalize();
    Path path = root.resolve(cover).normalize();
    return path.startsWith(root) && Files.isRegularFile(path);
  }
}
