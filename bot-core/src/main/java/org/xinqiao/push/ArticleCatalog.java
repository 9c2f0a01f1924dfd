package org.xinqiao.push;

import java.util.List;
import java.util.Optional;

/** The weekly articles, by audience and week, with their rendered body and cover image. */
interface ArticleCatalog {

  /** Every article for the audience, in week order. */
  List<Article> all(Audience audience);

  Optional<Article> byId(String id);

  default Optional<Article> forWeek(Audience audience, int week) {
    return all(audience).stream().filter(a -> a.week() == week).findFirst();
  }

  /** The body as HTML (Markdown rendered, raw HTML in the source escaped). */
  String html(Article article);

  /** The cover image's bytes (PNG). */
  byte[] cover(Article article);
}
