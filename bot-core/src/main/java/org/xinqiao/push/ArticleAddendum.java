package org.xinqiao.push;

/**
 * A short block another feature appends to the weekly article as it is mass-sent (events append the
 * coming events of the article's audience). WeChat keeps plain HTML in an article's body but strips
 * links to outside pages, so an addendum should tell readers what to reply in the chat.
 */
public interface ArticleAddendum {

  /** HTML to append for this audience, or an empty string for nothing. */
  String html(Audience audience);
}
