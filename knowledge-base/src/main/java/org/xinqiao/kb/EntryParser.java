package org.xinqiao.kb;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses and checks one entry file on its own; cross-file checks live in {@link ContentLoader}. */
final class EntryParser {
  static final String SHORT_ANSWER = "简短回答";
  static final String STEPS = "可以这样做";
  static final String SEEK_HELP = "什么时候需要寻求帮助";
  private static final List<String> SECTIONS = List.of(SHORT_ANSWER, STEPS, SEEK_HELP);

  /** One WeChat message: 300 visible characters... */
  static final int MAX_SHORT_ANSWER_CHARS = 300;

  /**
   * ...and WeChat's 2048-byte text limit, leaving over 800 bytes for the title line and menu footer
   * the bot adds around it.
   */
  static final int MAX_SHORT_ANSWER_BYTES = 1200;

  private EntryParser() {}

  static Optional<Entry> parse(ContentFile file, List<ContentError> errors) {
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
    Audience audience = null;
    if (fm.get("audience") == null) {
      errors.add(fm.error("audience", "missing required field 'audience'"));
    } else {
      audience = Audience.parse(fm.get("audience")).orElse(null);
      if (audience == null) {
        errors.add(fm.error("audience", "audience must be parent, teacher or both"));
      }
    }
    List<String> questions = fm.requireList("questions", errors).orElse(List.of());
    if (fm.get("questions") instanceof List<?> l && l.isEmpty()) {
      errors.add(fm.error("questions", "questions must not be empty"));
    }
    List<String> messages =
        fm.get("messages") == null
            ? List.of()
            : fm.requireList("messages", errors).orElse(List.of());
    List<String> keywords = fm.requireList("keywords", errors).orElse(List.of());
    List<String> related = fm.requireList("related", errors).orElse(List.of());
    Review reviewed = Review.read(fm, errors).orElse(null);
    Map<String, String> sections = Sections.read(fm, SECTIONS, errors);
    String shortAnswer = sections.get(SHORT_ANSWER);
    if (shortAnswer != null) {
      checkShortAnswer(fm, shortAnswer, errors);
    }
    if (errors.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Entry(
            id,
            title,
            audience,
            questions,
            messages,
            keywords,
            related,
            reviewed,
            shortAnswer,
            sections.get(STEPS),
            sections.get(SEEK_HELP)));
  }

  private static void checkShortAnswer(FrontMatter fm, String text, List<ContentError> errors) {
    int line = Sections.lineOfHeading(fm, SHORT_ANSWER);
    long visible = text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    if (visible > MAX_SHORT_ANSWER_CHARS) {
      errors.add(
          new ContentError(
              fm.file(),
              line,
              "简短回答 has "
                  + visible
                  + " characters; one WeChat message allows at most "
                  + MAX_SHORT_ANSWER_CHARS));
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_SHORT_ANSWER_BYTES) {
      errors.add(
          new ContentError(
              fm.file(),
              line,
              "简短回答 is " + bytes + " UTF-8 bytes; at most " + MAX_SHORT_ANSWER_BYTES + " fit"));
    }
  }
}
