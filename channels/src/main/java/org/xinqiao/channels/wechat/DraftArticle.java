package org.xinqiao.channels.wechat;

/** One article of a draft: HTML content and a cover image already uploaded as permanent media. */
public record DraftArticle(
    String title, String author, String digest, String htmlContent, String thumbMediaId) {}
