package org.xinqiao.push;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;

/** Which article is "this week's" for an audience, and which ones came before it. */
@Component
class WeeklyArticles {

  private final TermCalendar calendar;
  private final ArticleCatalog catalog;
  private final Clock clock;

  WeeklyArticles(TermCalendar calendar, ArticleCatalog catalog, Clock clock) {
    this.calendar = calendar;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** The article of the current term week (whether or not it was mass-sent, e.g. when capped). */
  Optional<Article> thisWeek(Audience audience) {
    OptionalInt week = calendar.weekOn(clock.instant());
    return week.isEmpty() ? Optional.empty() : catalog.forWeek(audience, week.getAsInt());
  }

  /** Articles of earlier weeks of this term, newest first (all of them once the term is over). */
  List<Article> earlier(Audience audience) {
    OptionalInt week = calendar.weekOn(clock.instant());
    if (week.isEmpty()) {
      return List.of();
    }
    return catalog.all(audience).stream()
        .filter(a -> a.week() < week.getAsInt())
        .sorted(Comparator.comparingInt(Article::week).reversed())
        .toList();
  }
}
