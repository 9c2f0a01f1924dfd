package org.xinqiao.event;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Events and sign-ups ({@code xinqiao.event.*}).
 *
 * @param reminderDayBefore the first reminder goes out this long before the start
 * @param reminderHourBefore the second reminder goes out this long before the start
 * @param waitlistHold how long a freed seat is held for the first person on the waitlist
 * @param listSize how many events one "活动" list shows
 * @param listAhead how far ahead "活动" looks
 * @param pushAhead how far ahead the events appended to the weekly article look
 * @param trainingsPerYear the plan's target: trainings attended per teacher per school year
 * @param wholeStaffPerTerm the plan's target: whole-staff trainings per term
 * @param springTermMonth the month the second term starts (the first starts on 1 September)
 * @param retention sign-ups and attendance are deleted this long after their event ended
 * @param checkinFailures wrong check-in codes a person may send per hour
 */
@Validated
@ConfigurationProperties("xinqiao.event")
record EventProperties(
    @DefaultValue("24h") @NotNull Duration reminderDayBefore,
    @DefaultValue("1h") @NotNull Duration reminderHourBefore,
    @DefaultValue("12h") @NotNull Duration waitlistHold,
    @DefaultValue("8") @Min(1) @Max(20) int listSize,
    @DefaultValue("60d") @NotNull Duration listAhead,
    @DefaultValue("21d") @NotNull Duration pushAhead,
    @DefaultValue("4") @Min(0) int trainingsPerYear,
    @DefaultValue("2") @Min(0) int wholeStaffPerTerm,
    @DefaultValue("2") @Min(1) @Max(8) int springTermMonth,
    @DefaultValue("730d") @NotNull Duration retention,
    @DefaultValue("8") @Min(1) int checkinFailures) {}
