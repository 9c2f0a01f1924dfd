package org.xinqiao.kb;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The small hand-written entry sets under src/test/resources/kb/fixtures. */
final class Fixtures {
  private Fixtures() {}

  static Path dir(String name) {
    try {
      return Path.of(Fixtures.class.getClassLoader().getResource("kb/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<ContentFile> valid() {
    return DirectoryContent.read(dir("valid"));
  }

  /** The valid set plus one broken file. */
  static List<ContentFile> validPlusBroken(String brokenName) {
    List<ContentFile> files = new ArrayList<>(valid());
    DirectoryContent.read(dir("broken")).stream()
        .filter(f -> f.name().equals(brokenName))
        .findFirst()
        .ifPresentOrElse(
            files::add,
            () -> {
              throw new IllegalArgumentException(brokenName);
            });
    return files;
  }
}
