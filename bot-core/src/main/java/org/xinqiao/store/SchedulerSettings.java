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
 * @param heartbeatInterval how often an instance marks the executions it runs as still alive
 * @param missedHeartbeats after this many missed heartbeats another instance treats an execution as
 *     dead and runs it again: 10 s x 6 picks up a page held by a killed instance within about a
 *     minute (db-scheduler's own defaults, 5 min x 6, would leave it for half an hour)
 */
@Validated
@ConfigurationProperties("xinqiao.scheduler")
record SchedulerSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("5s") @NotNull Duration pollingInterval,
    @DefaultValue("4") @Min(1) int threads,
    @DefaultValue("30s") @NotNull Duration shutdownMaxWait,
    @DefaultValue("10s") @NotNull Duration heartbeatInterval,
    @DefaultValue("6") @Min(2) int missedHeartbeats) {}
