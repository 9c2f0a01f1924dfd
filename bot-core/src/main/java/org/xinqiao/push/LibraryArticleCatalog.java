package org.xinqiao.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.xinqiao.kb.articles.ArticleLibrary;
import org.xinqiao.knowledge.KnowledgeContent;
import org.xinqiao.knowledge.KnowledgeProperties;

/**
 * The weekly articles the knowledge-base module ships under {@code xinqiao-content/articles},
 * loaded and validated by its {@link ArticleLibrary}: a bad article stops the start-up with its
 * file and line instead of breaking a Monday push. With {@code xinqiao.kb.require-review=true} the
 * articles no counselor signed off are left out: not pushed, not listed, not opened.
 */
@Component
class LibraryArticleCatalog implements ArticleCatalog {

  static final String ROOT = KnowledgeContent.ARTICLES;

  private final ArticleLibrary library;
  private final boolean signedOffOnly;

  LibraryArticleCatalog(KnowledgeProperties properties) {
    this.library = KnowledgeContent.articles();
    this.signedOffOnly = properties.requireReview();
  }

  /** With {@code xinqiao.kb.require-review}, an article no counselor signed off is never sent. */
  private boolean served(org.xinqiao.kb.articles.Article article) {
    return !signedOffOnly || article.reviewed().signedOff();
  }

  @Override
  public List<Article> all(Audience audience) {
    org.xinqiao.kb.Audience reader = reader(audience);
    return library.articles().stream()
        .filter(a -> a.audience().suits(reader) && served(a))
        .map(a -> toPush(a, audience))
        .toList();
  }

  @Override
  public Optional<Article> byId(String id) {
    return library
        .article(id)
        .filter(this::served)
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
