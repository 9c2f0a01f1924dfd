package org.xinqiao.helplines;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Emergency numbers and the school counselor's contact. Configuration, not code: numbers change and
 * differ by city.
 *
 * @param emergency numbers for immediate danger, shown first (110 police, 120 ambulance)
 * @param hotlines psychological help lines, in the order they are shown
 * @param schoolCounselor how to reach the school's counseling room directly
 */
@Validated
@ConfigurationProperties("xinqiao.helplines")
public record HelpLines(
    @NotEmpty @DefaultValue({"110 报警", "120 急救"}) List<String> emergency,
    @NotEmpty
        @DefaultValue({
          "12356 全国心理援助热线",
          "010-82951332 北京心理危机研究与干预中心（24小时）",
          "400-161-9995 希望24热线（24小时）",
          "12355 青少年服务台"
        })
        List<String> hotlines,
    @DefaultValue("学校心理辅导室（工作日 8:00-17:00，在本公众号回复\"预约\"）") String schoolCounselor) {

  /** One line per number, emergency first: the form every safety message uses. */
  public String asLines() {
    return emergency.stream().map(n -> "· " + n).collect(Collectors.joining("\n"))
        + "\n"
        + hotlines.stream().map(n -> "· " + n).collect(Collectors.joining("\n"));
  }

  /** The psychological help lines only, one per line (safety replies name 110/120 themselves). */
  public String hotlineLines() {
    return hotlines.stream().map(n -> "· " + n).collect(Collectors.joining("\n"));
  }

  public String emergencyShort() {
    return String.join("、", emergency);
  }
}
