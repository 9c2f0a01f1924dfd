package org.xinqiao.push;

/**
 * WeChat's MASSSENDJOBFINISH event: how a mass send went. The WeChat adapter publishes it as an
 * application event (from the callback's MsgID, Status, TotalCount, FilterCount, SentCount and
 * ErrorCount); the push records the counts against its run.
 */
public record MassSendFinished(
    String msgId,
    String status,
    long totalCount,
    long filterCount,
    long sentCount,
    long errorCount) {}
