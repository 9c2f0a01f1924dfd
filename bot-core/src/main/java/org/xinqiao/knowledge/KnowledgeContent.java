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
import org.xinqiao.kb.ReviewedContent;
import org.xinqiao.kb.articles.ArticleLibrary;

/**
 * Where entry files come from (the folder an admin configured, or the copy inside the jar), and the
 * packaged weekly articles.
 */
public final class KnowledgeContent {

  private KnowledgeContent() {}

  /**
   * The entry files to serve: all of them, or with {@code require-review} only those a counselor
   * signed off.
   *
   * @throws org.xinqiao.kb.ContentException when a file is invalid or nothing is signed off
   */
  public static List<ContentFile> read(KnowledgeProperties properties) {
    List<ContentFile> all = all(properties);
    return properties.requireReview() ? ReviewedContent.signedOffOnly(all) : all;
  }

  /** Every entry file, served or not. */
  static List<ContentFile> all(KnowledgeProperties properties) {
    return properties.contentDir() != null
        ? DirectoryContent.read(properties.contentDir())
        : fromClasspath();
  }

  /** Where the weekly articles and their covers are packaged. */
  public static final String ARTICLES = "xinqiao-content/articles/";

  /**
   * The weekly articles packaged under {@value #ARTICLES}, validated by the knowledge base's {@link
   * ArticleLibrary}: a bad article stops the start-up with its file and line.
   */
  public static ArticleLibrary articles() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<ContentFile> files = new ArrayList<>();
    try {
      for (Resource file : resolver.getResources("classpath*:" + ARTICLES + "*.md")) {
        try (InputStream in = file.getInputStream()) {
          files.add(
              new ContentFile(
                  file.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the weekly articles", e);
    }
    return ArticleLibrary.load(
        files, cover -> resolver.getResource("classpath:" + ARTICLES + cover).exists());
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
