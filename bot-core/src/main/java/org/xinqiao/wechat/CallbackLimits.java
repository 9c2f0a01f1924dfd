package org.xinqiao.wechat;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much of the bot one sender, and all senders together, may use ({@code
 * xinqiao.wechat.limits.*}). A sender over the limit, or a message that finds every reply worker
 * busy, is still recorded and screened for safety (the path that is never refused); it only misses
 * the full answer.
 *
 * @param perSender messages one openid gets fully answered per {@code window}, counted across
 *     instances in the shared store
 * @param window the rate-limit window
 * @param replyThreads reply workers per instance (shared by every sender)
 * @param replyQueue messages waiting for a worker before further ones get only the safety path
 */
@Validated
@ConfigurationProperties("xinqiao.wechat.limits")
record CallbackLimits(
    @DefaultValue("20") @Min(1) int perSender,
    @DefaultValue("1m") @NotNull Duration window,
    @DefaultValue("8") @Min(1) int replyThreads,
    @DefaultValue("256") @Min(1) int replyQueue) {}
