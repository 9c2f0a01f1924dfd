package org.xinqiao.appointment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Booking rules ({@code xinqiao.appointment.*}). Per-counselor session length, buffer, daily
 * maximum and place come from the schedule import; these are the defaults and the school-wide
 * rules.
 *
 * @param minNotice the earliest bookable start is this far from now (counselors plan their day)
 * @param bookingWindow how far ahead people can book
 * @param cancelCutoff cancelling or rescheduling by chat closes this long before the start
 * @param sessionMinutes default session length for a counselor imported without one
 * @param bufferMinutes default pause after each session (notes, a breath)
 * @param dailyMax default most sessions per counselor per day
 * @param place default place of a session
 * @param choices how many numbered times one list shows
 * @param choicesPerDay how many times of one day a mixed list shows, so several days appear
 * @param waitlistHold how long a freed slot is held for the person first on the waitlist
 * @param reminderDayBefore the first reminder goes out this long before the start
 * @param reminderHourBefore the second reminder goes out this long before the start
 * @param serviceWindow a customer-service message is tried while the person's last message is at
 *     most this old (WeChat allows 48 h; the margin keeps clear of the edge)
 * @param publicBaseUrl the address people reach the bot at, for calendar-feed links
 */
@Validated
@ConfigurationProperties("xinqiao.appointment")
public record AppointmentProperties(
    @DefaultValue("12h") @NotNull Duration minNotice,
    @DefaultValue("28d") @NotNull Duration bookingWindow,
    @DefaultValue("2h") @NotNull Duration cancelCutoff,
    @DefaultValue("45") @Min(10) @Max(240) int sessionMinutes,
    @DefaultValue("15") @Min(0) @Max(120) int bufferMinutes,
    @DefaultValue("6") @Min(1) @Max(30) int dailyMax,
    @DefaultValue("学校心理辅导室") @NotBlank String place,
    @DefaultValue("8") @Min(1) @Max(20) int choices,
    @DefaultValue("3") @Min(1) @Max(20) int choicesPerDay,
    @DefaultValue("2h") @NotNull Duration waitlistHold,
    @DefaultValue("24h") @NotNull Duration reminderDayBefore,
    @DefaultValue("1h") @NotNull Duration reminderHourBefore,
    @DefaultValue("47h") @NotNull Duration serviceWindow,
    @DefaultValue("http://localhost:8080") @NotBlank String publicBaseUrl) {}
