package org.xinqiao.kb;

import java.time.LocalDate;
import java.util.List;

/**
 * One knowledge-base entry, as written in {@code content/<id>.md}.
 *
 * @param messages longer messages as parents and teachers write them (context, a feeling, the
 *     question last), matched by meaning only: their everyday words would make Lucene match
 *     everything
 * @param shortAnswer the 简短回答 section: fits one WeChat text message
 * @param steps the 可以这样做 section, Markdown as written (numbered list)
 * @param whenToSeekHelp the 什么时候需要寻求帮助 section
 * @param reviewed who reviewed it last, and when
 */
public record Entry(
    String id,
    String title,
    Audience audience,
    List<String> questions,
    List<String> messages,
    List<String> keywords,
    List<String> related,
    Review reviewed,
    String shortAnswer,
    String steps,
    String whenToSeekHelp) {

  public Entry {
    questions = List.copyOf(questions);
    messages = List.copyOf(messages);
    keywords = List.copyOf(keywords);
    related = List.copyOf(related);
  }

  /** When it was last reviewed. */
  public LocalDate reviewedDate() {
    return reviewed.on();
  }

  /** In what role it was last reviewed: {@code counselor} is a sign-off. */
  public String reviewedRole() {
    return reviewed.role();
  }
}
