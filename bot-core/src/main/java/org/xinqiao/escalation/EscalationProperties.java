package org.xinqiao.escalation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Escalation, paging and on-call settings ({@code xinqiao.escalation.*}).
 *
 * @param transcriptLines how many recent lines are copied into an escalation
 * @param ackTimeout how long a page may go unacknowledged before the next person is paged
 * @param counselors who can be paged and how; empty means every person with the COUNSELOR role
 *     (reachable through their WeChat account only)
 * @param rota who is paged first, in order, in and out of working hours
 * @param pagers the channels pages go through; at least one must be enabled
 * @param retry back-off for a page a channel failed to deliver (retried until acknowledged)
 * @param mandatoryReport when the safeguarding lead is paged again about an undecided report
 */
@Validated
@ConfigurationProperties("xinqiao.escalation")
record EscalationProperties(
    @DefaultValue("20") @Min(1) @Max(100) int transcriptLines,
    @DefaultValue @Valid AckTimeout ackTimeout,
    @DefaultValue List<@Valid CounselorEntry> counselors,
    @DefaultValue @Valid Rota rota,
    @DefaultValue @Valid Pagers pagers,
    @DefaultValue @Valid Retry retry,
    @DefaultValue @Valid MandatoryReport mandatoryReport) {

  record AckTimeout(
      @DefaultValue("2m") @NotNull Duration imminent, @DefaultValue("10m") @NotNull Duration high) {
    Duration of(Urgency urgency) {
      return urgency == Urgency.IMMINENT ? imminent : high;
    }
  }

  /**
   * A counselor who can be paged. {@code name} is how the rota names them and, unless {@code
   * personId} is given, the name they were enrolled under in the chat, which links their WeChat
   * account (for the simulator and template pagers).
   */
  record CounselorEntry(@NotBlank String name, Long personId, String wecomUser, String email) {}

  /** Working hours are in the school's zone (the Clock's); everything else is after hours. */
  record Rota(
      @DefaultValue("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY") List<DayOfWeek> workingDays,
      @DefaultValue("08:00") @NotNull LocalTime workingStart,
      @DefaultValue("17:00") @NotNull LocalTime workingEnd,
      @DefaultValue List<String> workingHours,
      @DefaultValue List<String> afterHours) {}

  record Pagers(
      @DefaultValue Simulator simulator,
      @DefaultValue WeComApp wecomApp,
      @DefaultValue WeComRobot wecomRobot,
      @DefaultValue Email email,
      @DefaultValue WechatTemplate wechatTemplate) {

    boolean anyRealChannel() {
      return wecomApp.enabled()
          || wecomRobot.enabled()
          || email.enabled()
          || wechatTemplate.enabled();
    }

    /** The simulator pager is on unless set, and then only when no other channel is. */
    boolean simulatorOn() {
      return simulator.enabled() == null ? !anyRealChannel() : simulator.enabled();
    }
  }

  /** Pages as customer-service messages to counselors' own WeChat accounts via MessageSender. */
  record Simulator(Boolean enabled) {}

  record WeComApp(
      boolean enabled,
      @DefaultValue("https://qyapi.weixin.qq.com") String baseUrl,
      String corpId,
      String secret,
      Integer agentId) {
    @Override
    public String toString() {
      return "WeComApp[enabled=" + enabled + ", baseUrl=" + baseUrl + ", corpId=" + corpId + "]";
    }
  }

  record WeComRobot(
      boolean enabled, @DefaultValue("https://qyapi.weixin.qq.com") String baseUrl, String key) {
    @Override
    public String toString() {
      return "WeComRobot[enabled=" + enabled + ", baseUrl=" + baseUrl + "]";
    }
  }

  record Email(boolean enabled, String from) {}

  record WechatTemplate(boolean enabled, String templateId, String consoleUrl) {}

  record Retry(
      @DefaultValue("15s") @NotNull Duration first, @DefaultValue("10m") @NotNull Duration max) {}

  /**
   * A possible mandatory report pages the safeguarding lead at once; if no decision is recorded
   * within {@code decisionDeadline} they are paged again, then every {@code repageEvery}.
   */
  record MandatoryReport(
      @DefaultValue("24h") @NotNull Duration decisionDeadline,
      @DefaultValue("2h") @NotNull Duration repageEvery) {}
}
