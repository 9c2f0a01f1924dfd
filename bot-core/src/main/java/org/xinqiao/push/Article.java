package org.xinqiao.push;

/**
 * One weekly article.
 *
 * @param id stable id from the front matter, used in links and push history
 * @param title headline
 * @param audience who it is written for
 * @param week the term week it belongs to (1..16)
 * @param summary one or two sentences shown in the chat and as the WeChat digest
 * @param cover classpath-relative cover image, e.g. {@code covers/parent.png}
 */
public record Article(
    String id, String title, Audience audience, int week, String summary, String cover) {}
