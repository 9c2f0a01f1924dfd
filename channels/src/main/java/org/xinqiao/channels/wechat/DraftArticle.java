package org.xinqiao.channels.wechat;

/**
 * One article of a draft: HTML content and a cover image already uploaded as permanent media.
 *
 * @param title headline
 * @param author shown under the title, or null
 * @param digest the summary WeChat shows in the chat card, or null (WeChat then takes the start of
 *     the content)
 * @param htmlContent the article body as HTML
 * @param thumbMediaId the cover's permanent media_id
 * @param contentSourceUrl "阅读原文": where the full article lives on the web, or null
 */
public record DraftArticle(
    String title,
    String author,
    String digest,
    String htmlContent,
    String thumbMediaId,
    String contentSourceUrl) {}
