package org.xinqiao.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads the weekly articles the knowledge-base module ships under {@code xinqiao-content/articles}.
 * A minimal loader of our own until the knowledge base's ArticleLibrary lands on main; bad content
 * stops the start-up with the file's name rather than pushing a broken article.
 */
@Component
class MarkdownArticleCatalog implements ArticleCatalog {

  static final String ROOT = "xinqiao-content/articles/";

  private record Loaded(Article article, String html) {}

  private final Map<String, Loaded> byId = new LinkedHashMap<>();
  private final Parser parser = Parser.builder().build();
  private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).build();

  MarkdownArticleCatalog() {
    try {
      Resource[] files =
          new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "*.md");
      for (Resource file : files) {
        try (InputStream in = file.getInputStream()) {
          Loaded loaded =
              parse(file.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          if (byId.putIfAbsent(loaded.article().id(), loaded) != null) {
            throw new IllegalStateException("duplicate article id " + loaded.article().id());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the weekly articles", e);
    }
  }

  private Loaded parse(String name, String text) {
    String normalized = text.replace("\r\n", "\n");
    if (!normalized.startsWith("---\n")) {
      throw new IllegalStateException(name + ": missing front matter");
    }
    int end = normalized.indexOf("\n---\n", 4);
    if (end < 0) {
      throw new IllegalStateException(name + ": unterminated front matter");
    }
    Map<String, Object> front =
        new Yaml(new SafeConstructor(new LoaderOptions())).load(normalized.substring(4, end));
    String body = normalized.substring(end + 5);
    try {
      Article article =
          new Article(
              required(front, "id"),
              required(front, "title"),
              Audience.fromKey(required(front, "audience")),
              Integer.parseInt(required(front, "week")),
              required(front, "summary"),
              required(front, "cover"));
      if (article.week() < 1) {
        throw new IllegalArgumentException("week must be 1 or more");
      }
      return new Loaded(article, renderer.render(parser.parse(body)));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(name + ": " + e.getMessage(), e);
    }
  }

  private static String required(Map<String, Object> front, String key) {
    Object value = front == null ? null : front.get(key);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException("missing " + key);
    }
    return value.toString().strip();
  }

  @Override
  public List<Article> all(Audience audience) {
    List<Article> list = new ArrayList<>();
    byId.values().stream()
        .map(Loaded::article)
        .filter(a -> a.audience() == audience)
        .sorted(Comparator.comparingInt(Article::week))
        .forEach(list::add);
    return list;
  }

  @Override
  public Optional<Article> byId(String id) {
    return Optional.ofNullable(byId.get(id)).map(Loaded::article);
  }

  @Override
  public String html(Article article) {
    Loaded loaded = byId.get(article.id());
    return loaded == null ? "" : loaded.html();
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
}
