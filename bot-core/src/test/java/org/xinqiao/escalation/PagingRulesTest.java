package org.xinqiao.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/** Configuration rules, the on-call rota, back-off and the guard against paging a parent. */
class PagingRulesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static EscalationProperties bind(Map<String, String> values) {
    Map<String, String> all = new HashMap<>(values);
    all.putIfAbsent("xinqiao.escalation.transcript-lines", "20");
    return new Binder(new MapConfigurationPropertySource(all))
        .bindOrCreate("xinqiao.escalation", EscalationProperties.class);
  }

  @Test
  void simulatorPagerIsTheDefaultOnlyWhenNothingElseIsConfigured() {
    assertThat(bind(Map.of()).pagers().simulatorOn()).isTrue();
    assertThat(
            bind(Map.of("xinqiao.escalation.pagers.email.enabled", "true")).pagers().simulatorOn())
        .isFalse();
    assertThat(
            bind(Map.of(
                    "xinqiao.escalation.pagers.email.enabled", "true",
                    "xinqiao.escalation.pagers.simulator.enabled", "true"))
                .pagers()
                .simulatorOn())
        .isTrue();
  }

  @Test
  void startUpFailsClearlyWhenNoPagerIsEnabled() {
    EscalationProperties none =
        bind(Map.of("xinqiao.escalation.pagers.simulator.enabled", "false"));
    assertThatThrownBy(() -> pagers(none))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no pager channel is enabled");
  }

  @Test
  void startUpFailsWhenAnEnabledChannelLacksItsSettings() {
    EscalationProperties half = bind(Map.of("xinqiao.escalation.pagers.wecom-app.enabled", "true"));
    assertThatThrownBy(() -> pagers(half))
        .hasMessageContaining("wecom-app")
        .hasMessageContaining("secret");
  }

  @Test
  void secretsStayOutOfToString() {
    EscalationProperties p =
        bind(
            Map.of(
                "xinqiao.escalation.pagers.wecom-app.secret", "s3cret",
                "xinqiao.escalation.pagers.wecom-robot.key", "k3y"));
    assertThat(p.toString()).doesNotContain("s3cret").doesNotContain("k3y");
  }

  @Test
  void rotaFollowsWorkingHoursInTheSchoolsZoneThenPagesTheTeam() {
    EscalationProperties p =
        bind(
            Map.of(
                "xinqiao.escalation.counselors[0].name", "张老师",
                "xinqiao.escalation.counselors[1].name", "李老师",
                "xinqiao.escalation.counselors[2].name", "王老师",
                "xinqiao.escalation.rota.working-hours", "张老师,李老师",
                "xinqiao.escalation.rota.after-hours", "王老师"));
    OnCallRota rota = new OnCallRota(p, noPeople(), Clock.system(SHANGHAI));
    Instant mondayMorning = Instant.parse("2026-06-01T01:30:00Z"); // 09:30 in Shanghai
    Instant mondayEvening = Instant.parse("2026-06-01T12:00:00Z"); // 20:00
    Instant saturday = Instant.parse("2026-06-06T02:00:00Z");

    assertThat(rota.isWorkingHours(mondayMorning)).isTrue();
    assertThat(rota.isWorkingHours(mondayEvening)).isFalse();
    assertThat(rota.isWorkingHours(saturday)).isFalse();
    assertThat(names(rota.step(0, mondayMorning))).containsExactly("张老师");
    assertThat(names(rota.step(1, mondayMorning))).containsExactly("李老师");
    assertThat(rota.step(2, mondayMorning).wholeTeam()).isTrue();
    assertThat(names(rota.step(2, mondayMorning))).containsExactly("张老师", "李老师", "王老师");
    assertThat(names(rota.step(3, mondayMorning))).containsExactly("张老师");
    assertThat(names(rota.step(0, saturday))).containsExactly("王老师");
    assertThat(rota.step(1, saturday).wholeTeam()).isTrue();
  }

  @Test
  void backOffDoublesUpToTheCeilingAndNeverGivesUp() {
    CappedBackoff<PageOrder> backoff =
        new CappedBackoff<>(Duration.ofSeconds(15), Duration.ofMinutes(10));
    assertThat(backoff.delayAfter(0)).isEqualTo(Duration.ofSeconds(15));
    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(backoff.delayAfter(10)).isEqualTo(Duration.ofMinutes(10));
    assertThat(backoff.delayAfter(10_000)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void simulatorPagerRefusesToPageAnyoneButACounselor() {
    Person guardian =
        new Person(9, "wechat", "o_guardian", Role.PARENT, null, true, null, Instant.now());
    People people = org.mockito.Mockito.mock(People.class);
    org.mockito.Mockito.when(people.find(9L)).thenReturn(Optional.of(guardian));
    EscalationTestBeans.RecordingSender sender = new EscalationTestBeans.RecordingSender();
    SimulatorPager pager = new SimulatorPager(people, provider(sender));
    assertThatThrownBy(() -> pager.send(new Counselor("x", "x", 9L, null, null), "心桥紧急提醒"))
        .hasMessageContaining("not a counselor");
    assertThat(sender.sent).isEmpty();
  }

  @Test
  void emailPageGoesToTheCounselorsAddressWithOnlyThePageLine() {
    org.springframework.mail.javamail.JavaMailSender mail =
        org.mockito.Mockito.mock(org.springframework.mail.javamail.JavaMailSender.class);
    new EmailPager(mail, "xinqiao@school.test")
        .send(new Counselor("李老师", "李老师", null, null, "li@school.test"), "心桥紧急提醒 #7：高风险（自杀相关）");
    var sent =
        org.mockito.ArgumentCaptor.forClass(org.springframework.mail.SimpleMailMessage.class);
    org.mockito.Mockito.verify(mail).send(sent.capture());
    assertThat(sent.getValue().getTo()).containsExactly("li@school.test");
    assertThat(sent.getValue().getFrom()).isEqualTo("xinqiao@school.test");
    assertThat(sent.getValue().getText()).isEqualTo("心桥紧急提醒 #7：高风险（自杀相关）");
  }

  private static PagerConfiguration.Pagers pagers(EscalationProperties p) {
    return new PagerConfiguration()
        .pagers(
            p,
            noPeople(),
            provider(null),
            provider(null),
            provider(null),
            provider(null),
            provider(null),
            Clock.system(SHANGHAI));
  }

  private static List<String> names(OnCallRota.Step step) {
    return step.counselors().stream().map(Counselor::name).toList();
  }

  private static People noPeople() {
    People people = org.mockito.Mockito.mock(People.class);
    org.mockito.Mockito.when(people.withRole(Role.COUNSELOR)).thenReturn(List.of());
    return people;
  }

  @SuppressWarnings("unchecked")
  private static <T> ObjectProvider<T> provider(T bean) {
    StaticListableBeanFactory factory = new StaticListableBeanFactory();
    if (bean != null) {
      factory.addBean("bean", bean);
      return (ObjectProvider<T>) factory.getBeanProvider(bean.getClass());
    }
    return factory.getBeanProvider(Object.class).getIfAvailable() == null
        ? (ObjectProvider<T>) factory.getBeanProvider(Void.class)
        : null;
  }
}
