package org.xinqiao.push;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The public page behind every article link: the articles are public content. */
@Controller
class ArticlePageController {

  private final ArticleCatalog catalog;

  ArticlePageController(ArticleCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/articles/{id}")
  String article(@PathVariable String id, Model model) {
    Article article =
        catalog.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("article", article);
    model.addAttribute("audience", article.audience().label());
    model.addAttribute("body", catalog.html(article));
    return "push/article";
  }
}
