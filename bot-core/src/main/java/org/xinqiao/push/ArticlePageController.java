package org.xinqiao.push;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public page behind every article link: the articles are public content. Each opening is
 * counted (article and time only) as the semester report's "reads".
 */
@Controller
class ArticlePageController {

  private final ArticleCatalog catalog;
  private final JdbcClient jdbc;
  private final Clock clock;

  ArticlePageController(ArticleCatalog catalog, JdbcClient jdbc, Clock clock) {
    this.catalog = catalog;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @GetMapping("/articles/{id}")
  String article(@PathVariable String id, Model model) {
    Article article =
        catalog.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    jdbc.sql("insert into article_view (article_id, viewed_at) values (?, ?)")
        .params(article.id(), Timestamp.from(clock.instant()))
        .update();
    model.addAttribute("article", article);
    model.addAttribute("audience", article.audience().label());
    model.addAttribute("body", catalog.html(article));
    return "push/article";
  }
}
