package org.xinqiao.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.people.Role;

/**
 * Check-ins end to end: signed WeChat callbacks through the portal, the real pipeline with its
 * safety screen, escalations and H2. Each case uses people of its own.
 */
@CheckinSpringTest
class CheckinChatTest {

  static final String SAFETY_HIGH_OPENING = "谢谢你告诉我们，这件事很重要。";

  @Autowired CheckinChat chat;
  @Autowired CheckinCatalog catalog;
  @Autowired JdbcClient jdbc;
  @Autowired CheckinProperties properties;
  @Autowired ResultRepository results;
  @Autowired Clock clock;

  @Test
  void listsTheCheckinsForTheWritersAudienceWithWhenTheyLastTookThem() {
    String parent = chat.newPerson(Role.PARENT);

    String list = chat.send(parent, "自评");

    assertThat(list)
        .contains("1. 孩子这一周怎么样（每周一次，还没做过）")
        .contains("2. 压力自查（每天一次，还没做过）")
        .doesNotContain("老师每周状态自评")
        .contains("只有你自己看得到");
    takeWith(parent, 2, "stress-self-check", lowest("stress-self-check"));
    assertThat(chat.send(parent, "自评")).contains("2. 压力自查（每天一次，上次 ");
    assertThat(chat.send(chat.newPerson(Role.TEACHER), "自评"))
        .contains("老师每周状态自评")
        .doesNotContain("孩子这一周怎么样");
    assertThat(chat.send(parent, "自评9")).contains("没有第 9 份自评").contains("1. 孩子这一周怎么样");
  }

  @Test
  void eachShippedCheckinReachesEachOfItsBands() {
    for (Checkin c : catalog.all()) {
      for (Checkin.Band band : c.bands()) {
        Role role = c.audience() == Audience.PARENT ? Role.PARENT : Role.TEACHER;
        String who = chat.newPerson(role);
        int number = catalog.forRole(role).indexOf(c) + 1;
        List<String> answers = answersScoring(c, band.min());

        String reply = takeWith(who, number, c.id(), answers);

        String firstLine = band.message().lines().findFirst().orElseThrow();
        assertThat(reply).as(c.id() + " → " + band.label()).contains(firstLine);
        assertThat(reply).doesNotContain("比上次");
        assertThat(
                jdbc.sql("select band_label from checkin_result where person_id = ?")
                    .param(chat.person(who).id())
                    .query(String.class)
                    .single())
            .isEqualTo(band.label());
        if (band.worrying()) {
          assertThat(reply).as(band.label()).contains("回复\"分享\"").contains("预约").contains("12356");
        } else {
          assertThat(reply).as(band.label()).contains("不分享").doesNotContain("12356");
        }
      }
    }
  }

  @Test
  void theTrendSaysInWordsHowThisResultComparesWithTheLastOne() {
    String teacher = chat.newPerson(Role.TEACHER);
    int number = catalog.forRole(Role.TEACHER).indexOf(teacherWeekly()) + 1;

    takeWith(teacher, number, "teacher-weekly", answersScoring(teacherWeekly(), 12));
    backdateResults(teacher, Duration.ofDays(7));
    String better = takeWith(teacher, number, "teacher-weekly", answersScoring(teacherWeekly(), 3));
    backdateResults(teacher, Duration.ofDays(7));
    String same = takeWith(teacher, number, "teacher-weekly", answersScoring(teacherWeekly(), 4));
    backdateResults(teacher, Duration.ofDays(7));
    String worse = takeWith(teacher, number, "teacher-weekly", answersScoring(teacherWeekly(), 17));

    assertThat(better).contains("比上次好一些");
    assertThat(same).contains("差不多").doesNotContain("比上次好一些");
    assertThat(worse).contains("比上次辛苦一些");
    for (String reply : List.of(better, same, worse)) {
      assertThat(reply).doesNotContainPattern("\\d+ ?分");
    }
  }

  @Test
  void aSecondTryWithinItsWeekIsDeclinedPolitelyWithTheDayItOpensAgain() {
    String teacher = chat.newPerson(Role.TEACHER);
    int number = catalog.forRole(Role.TEACHER).indexOf(teacherWeekly()) + 1;
    takeWith(teacher, number, "teacher-weekly", answersScoring(teacherWeekly(), 2));

    String again = chat.send(teacher, "自评" + number);

    assertThat(again).contains("每周一次就好").contains("起可以再做").doesNotContain("1/8");
    assertThat(chat.send(teacher, "1")).doesNotContain("2/8");
    backdateResults(teacher, Duration.ofDays(7));
    assertThat(chat.send(teacher, "自评" + number)).contains("1/8");
  }

  @Test
  void aNonAnswerRepeatsTheQuestionAndCancelLeaves() {
    String parent = chat.newPerson(Role.PARENT);
    chat.send(parent, "自评1");

    String repeat = chat.send(parent, "这个要怎么填");
    assertThat(repeat).contains("没关系，我们慢慢来").contains("1/7 这一周，孩子的心情大多时候");
    assertThat(chat.send(parent, "９")).contains("没关系").contains("1/7");
    assertThat(chat.send(parent, "开心、平稳")).contains("2/7");
    assertThat(chat.send(parent, "取消")).contains("已经取消");
    assertThat(chat.send(parent, "2")).doesNotContain("3/7");
    assertThat(resultsOf(parent)).isZero();
  }

  @Test
  void aRiskyFreeTextAnswerEscalatesThroughSafetyAndEndsTheCheckin() {
    String teacher = chat.newPerson(Role.TEACHER);
    int number = catalog.forRole(Role.TEACHER).indexOf(teacherWeekly()) + 1;
    chat.send(teacher, "自评" + number);
    for (int i = 0; i < 7; i++) {
      chat.send(teacher, "1");
    }

    String reply = chat.send(teacher, "说实话，我真的不想活了，每天都在想怎么结束");

    assertThat(reply).startsWith(SAFETY_HIGH_OPENING).contains("已经通知学校心理老师");
    assertThat(escalationCategories(teacher)).contains("suicide");
    assertThat(resultsOf(teacher)).isZero();
    // the check-in is over: the next message is not read as an answer
    assertThat(chat.send(teacher, "1")).doesNotContain("谢谢你认真做完");
    assertThat(resultsOf(teacher)).isZero();
  }

  @Test
  void anAlertOptionPagesACounselorInTheSameTransactionAsTheAnswers() {
    String parent = chat.newPerson(Role.PARENT);
    chat.send(parent, "自评2");
    for (int i = 0; i < 5; i++) {
      chat.send(parent, "1");
    }

    String reply = chat.send(parent, "2");

    assertThat(reply).contains("已经通知学校心理老师").contains("你现在安全吗").contains("12356");
    assertThat(escalationCategories(parent)).isEqualTo("checkin_alert");
    var row =
        jdbc.sql("select complete, escalation_id, answers from checkin_result where person_id = ?")
            .param(chat.person(parent).id())
            .query()
            .singleRow();
    assertThat(row.get("complete")).isEqualTo(false);
    assertThat(row.get("answers")).isEqualTo("0,0,0,0,0,1");
    assertThat(((Number) row.get("escalation_id")).longValue())
        .isEqualTo(
            jdbc.sql("select id from escalation where person_id = ?")
                .param(chat.person(parent).id())
                .query(Long.class)
                .single());
    assertThat(chat.send(parent, "1")).doesNotContain("谢谢你认真做完");
  }

  @Test
  void aWorryingOptionMarkedForScreeningGoesThroughTheSafetyScreen() {
    String parent = chat.newPerson(Role.PARENT);
    chat.send(parent, "自评1");
    for (int i = 0; i < 4; i++) {
      chat.send(parent, "1");
    }

    // item 5 says screen: true; its option 3 speaks of being bullied
    String reply = chat.send(parent, "3");

    assertThat(reply).contains("6/7");
    assertThat(reply).contains("听起来你最近承受了不少");
  }

  @Test
  void aSharedResultReachesCounselorsAndAnUnsharedOneStaysPrivate() {
    String shares = chat.newPerson(Role.PARENT);
    String keeps = chat.newPerson(Role.PARENT);
    takeWith(shares, 2, "stress-self-check", answersScoring(stress(), 12));
    takeWith(keeps, 2, "stress-self-check", answersScoring(stress(), 12));

    assertThat(chat.send(shares, "分享")).contains("已经分享给学校心理老师");
    assertThat(chat.send(keeps, "不分享")).contains("只留给你自己").contains("365 天");

    List<Long> shared = results.shared(500).stream().map(Result::personId).toList();
    assertThat(shared).contains(chat.person(shares).id()).doesNotContain(chat.person(keeps).id());
    // "分享" later, outside the offer, shares nothing
    assertThat(chat.send(keeps, "分享")).doesNotContain("已经分享");
    assertThat(results.shared(500).stream().map(Result::personId))
        .doesNotContain(chat.person(keeps).id());
  }

  @Test
  void deletingMyDataDeletesMyResults() {
    String parent = chat.newPerson(Role.PARENT);
    takeWith(parent, 2, "stress-self-check", lowest("stress-self-check"));
    long id = chat.person(parent).id();
    assertThat(resultsOf(parent)).isOne();

    chat.send(parent, "删除我的数据");
    chat.send(parent, "确认删除");

    assertThat(
            jdbc.sql("select count(*) from checkin_result where person_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theNightlyPurgeDeletesResultsPastTheirRetentionAndLogsTheCount(
      @Autowired CheckinRetention retention) {
    String parent = chat.newPerson(Role.PARENT);
    takeWith(parent, 2, "stress-self-check", lowest("stress-self-check"));
    backdateResults(parent, properties.retention().plusDays(1));
    String fresh = chat.newPerson(Role.PARENT);
    takeWith(fresh, 2, "stress-self-check", lowest("stress-self-check"));

    java.time.Instant now = clock.instant();
    int purged = org.xinqiao.store.RetentionPurges.run(java.util.List.of(retention), jdbc, now);

    assertThat(purged).isPositive();
    assertThat(
            jdbc.sql(
                    "select row_count from purge_log where table_name = 'checkin_result'"
                        + " order by id desc limit 1")
                .query(Long.class)
                .list())
        .containsExactly((long) purged);

    assertThat(resultsOf(parent)).isZero();
    assertThat(resultsOf(fresh)).isOne();
  }

  // --- helpers

  /** Starts check-in {@code number} and sends the answers; the reply to the last one. */
  String takeWith(String openid, int number, String id, List<String> answers) {
    String first = chat.send(openid, "自评" + number);
    assertThat(first)
        .as("start " + id)
        .contains(catalog.find(id).orElseThrow().title())
        .contains("1/");
    String reply = first;
    for (String a : answers) {
      reply = chat.send(openid, a);
    }
    return reply;
  }

  /** Option numbers (or free text) that add up to {@code target}, never an alert option. */
  static List<String> answersScoring(Checkin c, int target) {
    List<String> answers = new ArrayList<>();
    int remaining = target;
    for (Checkin.Item item : c.items()) {
      if (item.freeText()) {
        answers.add("这周就这样吧，谢谢");
        continue;
      }
      int best = -1;
      for (int i = 0; i < item.options().size(); i++) {
        Checkin.Option o = item.options().get(i);
        if (!o.alert()
            && o.score() <= remaining
            && (best < 0 || o.score() > item.options().get(best).score())) {
          best = i;
        }
      }
      remaining -= item.options().get(best).score();
      answers.add(Integer.toString(best + 1));
    }
    assertThat(remaining).as("reachable " + target + " in " + c.id()).isZero();
    return answers;
  }

  List<String> lowest(String id) {
    return answersScoring(catalog.find(id).orElseThrow(), 0);
  }

  Checkin teacherWeekly() {
    return catalog.find("teacher-weekly").orElseThrow();
  }

  Checkin stress() {
    return catalog.find("stress-self-check").orElseThrow();
  }

  long resultsOf(String openid) {
    return jdbc.sql("select count(*) from checkin_result where person_id = ?")
        .param(chat.person(openid).id())
        .query(Long.class)
        .single();
  }

  String escalationCategories(String openid) {
    return jdbc.sql("select categories from escalation where person_id = ?")
        .param(chat.person(openid).id())
        .query(String.class)
        .single();
  }

  void backdateResults(String openid, Duration by) {
    long person = chat.person(openid).id();
    for (Result r :
        jdbc.sql("select id, taken_at from checkin_result where person_id = ?")
            .param(person)
            .query(
                (rs, n) ->
                    new Result(
                        rs.getLong(1),
                        person,
                        "",
                        true,
                        0,
                        null,
                        false,
                        List.of(),
                        rs.getTimestamp(2).toInstant(),
                        null,
                        null))
            .list()) {
      jdbc.sql("update checkin_result set taken_at = ? where id = ?")
          .params(Timestamp.from(r.takenAt().minus(by)), r.id())
          .update();
    }
  }
}
