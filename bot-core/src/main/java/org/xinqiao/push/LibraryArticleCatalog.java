package org.xinqiao.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.xinqiao.kb.ContentFile;
import org.xinqiao.kb.articles.ArticleLibrary;

/**
 * The weekly articles the knowledge-base module ships under {@code xinqiao-content/articles},
 * loaded and validated by its {@link ArticleLibrary}: a bad article stops the start-up with its
 * file and line instead of breaking a Monday push.
 */
@Component
class LibraryArticleCatalog implements ArticleCatalog {

  static final String ROOT = "xinqiao-content/articles/";

  private final ArticleLibrary library;

  LibraryArticleCatalog() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<ContentFile> files = new ArrayList<>();
    try {
      for (Resource file : resolver.getResources("classpath*:" + ROOT + "*.md")) {
        try (InputStream in = file.getInputStream()) {
          files.add(
              new ContentFile(
                  file.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the weekly articles", e);
    }
    this.library =
        ArticleLibrary.load(
            files, cover -> resolver.getResource("classpath:" + ROOT + cover).exists());
  }

  @Override
  public List<Article> all(Audience audience) {
    org.xinqiao.kb.Audience reader = reader(audience);
    return library.articles().stream()
        .filter(a -> a.audience().suits(reader))
        .map(a -> toPush(a, audience))
        .toList();
  }

  @Override
  public Optional<Article> byId(String id) {
    return library
        .article(id)
        .map(
            a ->
                toPush(
                    a,
                    a.audience() == org.xinqiao.kb.Audience.TEACHER
                        ? Audience.TEACHER
                        : Audience.PARENT));
  }

  @Override
  public String html(Article article) {
    return library.article(article.id()).map(org.xinqiao.kb.articles.Article::html).orElse("");
  }

  @Override
  public byte[] cover(Article article) {
    String path = ROOT + article.cover();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing cover " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static org.xinqiao.kb.Audience reader(Audience audience) {
    return audience == Audience.PARENT
        ? org.xinqiao.kb.Audience.PARENT
        : org.xinqiao.kb.Audience.TEACHER;
  }

  /** An article shared by both audiences is pushed to each as its own. */
  private static Article toPush(org.xinqiao.kb.articles.Article a, Audience audience) {
    return new Article(a.id(), a.title(), audience, a.week(), a.summary(), a.cover());
  }
}
