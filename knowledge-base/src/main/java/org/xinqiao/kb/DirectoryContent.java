package org.xinqiao.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the {@code *.md} files directly inside a directory (not sub-folders such as {@code
 * articles/}), sorted by name.
 */
public final class DirectoryContent {
  private DirectoryContent() {}

  public static List<ContentFile> read(Path directory) {
    try (Stream<Path> paths = Files.list(directory)) {
      return paths
          .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".md"))
          .sorted()
          .map(DirectoryContent::readFile)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  private static ContentFile readFile(Path path) {
    try {
      return new ContentFile(
          path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
