package org.xinqiao.kb.articles;

import org.xinqiao.kb.Audience;
import org.xinqiao.kb.Review;

/**
 * One weekly article from {@code content/articles/<id>.md}.
 *
 * @param grades the grades it suits as written (e.g. {@code 1-6}), or null when it suits all
 * @param week teaching week 1..16 in which it is pushed
 * @param summary at most 60 characters, shown in the push card
 * @param cover path of the cover image relative to the articles folder
 * @param markdown the body as written
 * @param html the body rendered to simple HTML (raw HTML in the source is escaped)
 * @param reviewed who reviewed it last, and when
 */
public record Article(
    String id,
    String title,
    Audience audience,
    String grades,
    int week,
    String summary,
    String cover,
    String markdown,
    String html,
    Review reviewed) {}
