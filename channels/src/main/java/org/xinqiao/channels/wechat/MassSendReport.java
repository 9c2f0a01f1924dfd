package org.xinqiao.channels.wechat;

/**
 * The outcome of a mass send, from the MASSSENDJOBFINISH event.
 *
 * @param msgId the mass-send job id returned when it was sent
 * @param status e.g. {@code send success}, {@code send fail}, {@code err(10001)}
 * @param totalCount followers targeted
 * @param filterCount followers left after filtering (the ones WeChat tried)
 * @param sentCount delivered
 * @param errorCount failed
 */
public record MassSendReport(
    String msgId,
    String status,
    long totalCount,
    long filterCount,
    long sentCount,
    long errorCount) {}
