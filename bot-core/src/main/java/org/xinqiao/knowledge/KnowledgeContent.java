package org.xinqiao.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.xinqiao.kb.ContentFile;
import org.xinqiao.kb.DirectoryContent;

/** Where entry files come from: the folder an admin configured, or the copy inside the jar. */
public final class KnowledgeContent {

  private KnowledgeContent() {}

  public static List<ContentFile> read(KnowledgeProperties properties) {
    return properties.contentDir() != null
        ? DirectoryContent.read(properties.contentDir())
        : fromClasspath();
  }

  /** The entries packaged under {@code xinqiao-content/} (articles live in a sub-folder). */
  public static List<ContentFile> fromClasspath() {
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver().getResources("classpath*:xinqiao-content/*.md");
      List<ContentFile> files = new ArrayList<>();
      for (Resource r : resources) {
        try (InputStream in = r.getInputStream()) {
          files.add(
              new ContentFile(
                  r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
      files.sort(Comparator.comparing(ContentFile::name));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged knowledge base", e);
    }
  }
}
