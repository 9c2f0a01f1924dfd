package org.xinqiao.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Changes one front-matter field of a content file as text, leaving every other line exactly as the
 * author wrote it (comments, order, flow or block style), so that an edit from the console reads in
 * a diff like an edit by hand. The caller validates the whole content set before writing.
 */
public final class ContentEdits {
  private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^[^\\s#-][^:]*:.*");

  private ContentEdits() {}

  /** Appends a phrasing to the entry's {@code questions}. */
  public static ContentFile addQuestion(ContentFile file, String question) {
    FrontMatter fm = parse(file);
    List<String> questions = new ArrayList<>();
    if (fm.get("questions") instanceof List<?> list) {
      list.forEach(q -> questions.add(String.valueOf(q)));
    }
    questions.add(question.strip());
    return withList(file, "questions", questions);
  }

  /** Replaces the {@code reviewed} block with a sign-off. */
  public static ContentFile signOff(ContentFile file, Review review) {
    List<String> block = new ArrayList<>();
    block.add(Review.KEY + ":");
    block.add("  on: " + review.on());
    if (review.by() != null) {
      block.add("  by: " + scalar(review.by()));
    }
    block.add("  role: " + scalar(review.role()));
    return replace(file, Review.KEY, block);
  }

  /** Writes {@code key} as a block list of {@code items}. */
  static ContentFile withList(ContentFile file, String key, List<String> items) {
    List<String> block = new ArrayList<>();
    if (items.isEmpty()) {
      block.add(key + ": []");
    } else {
      block.add(key + ":");
      items.forEach(item -> block.add("  - " + scalar(item)));
    }
    return replace(file, key, block);
  }

  private static ContentFile replace(ContentFile file, String key, List<String> block) {
    String text = file.text().replace("\r\n", "\n");
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int end = parse(file).bodyStartLine() - 2; // index of the closing '---'
    int start = -1;
    for (int i = 1; i < end; i++) {
      if (lines.get(i).startsWith(key + ":")) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      lines.addAll(end, block);
    } else {
      int stop = start + 1;
      while (stop < end && !TOP_LEVEL_KEY.matcher(lines.get(stop)).matches()) {
        stop++;
      }
      while (stop - 1 > start && lines.get(stop - 1).isBlank()) {
        stop--; // blank lines before the next key stay where they are
      }
      lines.subList(start, stop).clear();
      lines.addAll(start, block);
    }
    return new ContentFile(file.name(), String.join("\n", lines));
  }

  private static FrontMatter parse(ContentFile file) {
    List<ContentError> errors = new ArrayList<>();
    Optional<FrontMatter> fm = FrontMatter.parse(file, errors);
    if (fm.isEmpty()) {
      throw new ContentException(errors);
    }
    return fm.get();
  }

  /** One YAML scalar on one line, quoted only when YAML needs it. */
  private static String scalar(String value) {
    DumperOptions options = new DumperOptions();
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    return new Yaml(options).dump(value.replaceAll("[\\r\\n]+", " ").strip()).strip();
  }
}
