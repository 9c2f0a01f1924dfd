package org.xinqiao.push;

import org.springframework.stereotype.Component;

/** Public links to the article pages this bot serves at {@code /articles/<id>}. */
@Component
class ArticleLinks {

  private final PushProperties properties;

  ArticleLinks(PushProperties properties) {
    this.properties = properties;
  }

  String article(Article article) {
    return properties.publicBaseUrl() + "/articles/" + article.id();
  }
}
