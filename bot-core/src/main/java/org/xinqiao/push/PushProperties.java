package org.xinqiao.push;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The weekly article push ({@code xinqiao.push.*}).
 *
 * @param termStart the Monday of term week 1; no push runs while it is unset
 * @param day the weekday the push goes out (in the school's zone, Asia/Shanghai)
 * @param time the time of day it goes out
 * @param checkEvery how often the durable recurring task looks for a due or unfinished push; the
 *     push goes out at the first check after its slot
 * @param previewOpenids staff openids who get the WeChat preview just before each real send
 * @param monthlyMassSendLimit mass sends a follower of a service account receives per calendar
 *     month (WeChat: 4); the next weekly article of that month is offered in the chat instead
 * @param maxAttempts failed delivery attempts before a run is marked failed and admins are told
 * @param publicBaseUrl where the bot is reachable from the internet; article links start here
 * @param parentTag the WeChat tag parents are kept in
 * @param teacherTag the WeChat tag teachers and other staff are kept in
 */
@Validated
@ConfigurationProperties("xinqiao.push")
public record PushProperties(
    LocalDate termStart,
    @DefaultValue("MONDAY") @NotNull DayOfWeek day,
    @DefaultValue("19:00") @NotNull LocalTime time,
    @DefaultValue("5m") @NotNull Duration checkEvery,
    @DefaultValue List<String> previewOpenids,
    @DefaultValue("4") @Min(1) @Max(31) int monthlyMassSendLimit,
    @DefaultValue("5") @Min(1) int maxAttempts,
    @DefaultValue("http://localhost:8080") @NotBlank String publicBaseUrl,
    @DefaultValue("xinqiao-parents") @NotBlank String parentTag,
    @DefaultValue("xinqiao-teachers") @NotBlank String teacherTag) {

  public PushProperties {
    if (termStart != null && termStart.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException(
          "xinqiao.push.term-start must be the Monday of week 1, not a "
              + termStart.getDayOfWeek());
    }
    while (publicBaseUrl != null && publicBaseUrl.endsWith("/")) {
      publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
    }
  }

  String tagName(Audience audience) {
    return audience == Audience.PARENT ? parentTag : teacherTag;
  }

  /** Openids are personal data: only their number is printed. */
  @Override
  public String toString() {
    return "PushProperties[termStart=%s, %s %s, previews=%d, cap=%d]"
        .formatted(termStart, day, time, previewOpenids.size(), monthlyMassSendLimit);
  }
}
