package org.xinqiao.channels.wechat;

/**
 * WeChat accepted a mass send; the outcome arrives later as a MASSSENDJOBFINISH event.
 *
 * @param msgId the job id, repeated in the event
 * @param msgDataId the article's data id, or null
 */
public record MassSendAccepted(String msgId, String msgDataId) {}
