package org.xinqiao.kb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The content the evaluation tests run against: the module's {@code content} directory, or (while
 * entries are still being written) the directories named in the {@code kb.content} system property,
 * separated by the path separator; related ids that do not exist yet are then dropped.
 */
final class TestContent {
  private TestContent() {}

  static Path shippedDirectory() {
    return Path.of("content");
  }

  static List<ContentFile> forEvaluation() {
    String override = System.getProperty("kb.content");
    if (override == null || override.isBlank()) {
      return DirectoryContent.read(shippedDirectory());
    }
    List<ContentFile> files = new ArrayList<>();
    for (String dir : override.split(java.io.File.pathSeparator)) {
      if (Files.isDirectory(Path.of(dir))) {
        files.addAll(DirectoryContent.read(Path.of(dir)));
      }
    }
    Set<String> ids =
        files.stream().map(f -> f.name().replaceFirst("\\.md$", "")).collect(Collectors.toSet());
    return files.stream().map(f -> dropUnknownRelated(f, ids)).toList();
  }

  private static ContentFile dropUnknownRelated(ContentFile file, Set<String> ids) {
    StringBuilder text = new StringBuilder();
    for (String line : file.text().split("\n", -1)) {
      if (line.startsWith("related:")) {
        String kept =
            List.of(line.substring(8).replaceAll("[\\[\\]]", "").split(",")).stream()
                .map(String::strip)
                .filter(ids::contains)
                .collect(Collectors.joining(", "));
        line = "related: [" + kept + "]";
      }
      text.append(line).append('\n');
    }
    return new ContentFile(file.name(), text.toString());
  }
}
