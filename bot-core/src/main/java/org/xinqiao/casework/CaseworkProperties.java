package org.xinqiao.casework;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Casework settings ({@code xinqiao.casework.*}).
 *
 * @param retention how long a closed case (notes, plan, links) is kept before the nightly purge
 *     deletes it; counted from closing. Three years by default: a school should set what its
 *     education bureau's records rules say, and at least until the pupil leaves the school
 * @param reminderRetry back-off for a follow-up reminder no channel could deliver
 */
@Validated
@ConfigurationProperties("xinqiao.casework")
record CaseworkProperties(
    @DefaultValue("1095d") @NotNull Duration retention,
    @DefaultValue("15m") @NotNull Duration reminderRetry) {}
