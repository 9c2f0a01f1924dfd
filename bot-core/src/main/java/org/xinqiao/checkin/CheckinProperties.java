package org.xinqiao.checkin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retention results older than this are deleted by the nightly purge
 * @param consoleWeeks how many weeks the counselors' aggregate page shows
 * @param consoleMonths how many months it shows
 */
@Validated
@ConfigurationProperties("xinqiao.checkin")
record CheckinProperties(
    @DefaultValue("365d") Duration retention,
    @DefaultValue("12") @Min(1) @Max(104) int consoleWeeks,
    @DefaultValue("12") @Min(1) @Max(36) int consoleMonths) {}
