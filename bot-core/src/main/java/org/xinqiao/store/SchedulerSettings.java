package org.xinqiao.store;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Durable timers on db-scheduler ({@code xinqiao.scheduler.*}).
 *
 * @param enabled false keeps the scheduler from executing (command-line tools); scheduling still
 *     writes to the table and another instance executes
 * @param pollingInterval how often each instance looks for due executions
 * @param threads executions run at once per instance
 * @param shutdownMaxWait how long shutdown waits for running executions
 */
@Validated
@ConfigurationProperties("xinqiao.scheduler")
record SchedulerSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("5s") @NotNull Duration pollingInterval,
    @DefaultValue("4") @Min(1) int threads,
    @DefaultValue("30s") @NotNull Duration shutdownMaxWait) {}
