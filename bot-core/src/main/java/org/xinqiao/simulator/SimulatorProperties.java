package org.xinqiao.simulator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the web simulator ({@code xinqiao.simulator.*}).
 *
 * @param enabled serve the simulator page and the fake WeChat API (the embedded default)
 * @param allowWithRealAccount let the simulator run although {@code xinqiao.wechat.api-base-url}
 *     points at real WeChat; without it a real account keeps the simulator off
 * @param originalId the fake account's original id (gh_...), written as ToUserName
 * @param journalSize how many API calls and bot messages the in-memory journal keeps
 */
@Validated
@ConfigurationProperties("xinqiao.simulator")
record SimulatorProperties(
    boolean enabled,
    boolean allowWithRealAccount,
    @DefaultValue("gh_simulator0001") @NotBlank String originalId,
    @DefaultValue("1000") @Min(10) @Max(100_000) int journalSize) {}
