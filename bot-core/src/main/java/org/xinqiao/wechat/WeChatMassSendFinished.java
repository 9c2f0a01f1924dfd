package org.xinqiao.wechat;

/**
 * WeChat reported the outcome of a mass send (the MASSSENDJOBFINISH event), published once per
 * event however often WeChat retries it. The weekly push matches {@code msgId} to the send it made.
 *
 * @param appId the account
 * @param msgId the job id returned by the mass-send call
 * @param status WeChat's status text, e.g. {@code send success}
 * @param totalCount followers targeted
 * @param filterCount followers WeChat tried after filtering
 * @param sentCount delivered
 * @param errorCount failed
 */
public record WeChatMassSendFinished(
    String appId,
    String msgId,
    String status,
    long totalCount,
    long filterCount,
    long sentCount,
    long errorCount) {}
