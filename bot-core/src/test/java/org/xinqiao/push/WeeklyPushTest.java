package org.xinqiao.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinqiao.people.Person;

class WeeklyPushTest extends PushSpringTest {

  @Autowired WeeklyPush push;
  @Autowired PushRuns runs;
  @Autowired WeeklyArticles articles;
  @Autowired org.springframework.context.ApplicationEventPublisher events;

  @Test
  void sendsEachAudienceItsWeekOnceWhenTheSlotPasses() {
    at(3, 0, 19, 1);
    push.check();
    push.check();
    assertThat(wechat.deliveredClientMsgIds())
        .containsExactlyInAnyOrder("xq-20250901-w3-parent", "xq-20250901-w3-teacher");
    assertThat(wechat.drafts)
        .extracting(MassSender.Draft::sourceUrl)
        .contains("https://xq.example.edu.cn/articles/p03-sleep");
    assertThat(status("20250901-w3-parent")).isEqualTo(PushRun.Status.SENT);
  }

  @Test
  void sendsNothingBeforeTheSlot() {
    at(1, 0, 18, 59);
    push.check();
    assertThat(wechat.sendCalls).isEmpty();
    at(1, 0, 19, 0);
    push.check();
    assertThat(wechat.deliveredClientMsgIds()).hasSize(2);
  }

  @Test
  void previewGoesToStaffBeforeTheRealSend() {
    at(2, 0, 19, 0);
    push.check();
    assertThat(wechat.previews).hasSize(2).allMatch(p -> p.startsWith("o_preview:draft-"));
  }

  @Test
  void catchesUpLateInTheSameWeekAndSkipsEarlierWeeksWithARecord() {
    // down from before week 2's slot until Wednesday of week 3
    at(3, 2, 9, 30);
    push.check();
    assertThat(wechat.deliveredClientMsgIds())
        .containsExactlyInAnyOrder("xq-20250901-w3-parent", "xq-20250901-w3-teacher");
    assertThat(status("20250901-w1-parent")).isEqualTo(PushRun.Status.STALE);
    assertThat(status("20250901-w2-teacher")).isEqualTo(PushRun.Status.STALE);
  }

  @Test
  void anUnfinishedRunIsNotSentOnceItsWeekHasPassed() {
    at(4, 0, 19, 0);
    wechat.refuseNext = 10;
    push.check();
    assertThat(wechat.delivered).isEmpty();
    at(5, 0, 19, 0);
    push.check();
    assertThat(status("20250901-w4-parent")).isEqualTo(PushRun.Status.STALE);
    assertThat(wechat.deliveredClientMsgIds())
        .doesNotContain("xq-20250901-w4-parent", "xq-20250901-w4-teacher");
  }

  @Test
  void aSlowOrFailedAnswerIsRetriedWithTheSameClientMsgIdAndSentOnce() {
    at(2, 0, 19, 0);
    wechat.failAfterSendingNext = 2; // WeChat sent both, but the answers were lost
    push.check();
    assertThat(status("20250901-w2-parent")).isEqualTo(PushRun.Status.CLAIMED);
    push.check();
    assertThat(wechat.delivered).hasSize(2);
    assertThat(wechat.sendCalls)
        .containsOnly("xq-20250901-w2-parent", "xq-20250901-w2-teacher")
        .hasSize(4);
    PushRun run = runs.byKey("20250901-w2-parent").orElseThrow();
    assertThat(run.status()).isEqualTo(PushRun.Status.SENT);
    assertThat(run.msgId())
        .isEqualTo(
            wechat.delivered.stream()
                .filter(s -> s.clientMsgId().equals("xq-20250901-w2-parent"))
                .findFirst()
                .orElseThrow()
                .msgId());
    assertThat(wechat.uploads.get()).isEqualTo(2); // one cover per audience, reused on retry
  }

  @Test
  void givesUpAfterTheConfiguredAttemptsAndTellsTheAdmins() {
    people.contact("wechat", "o_push_admin");
    at(2, 0, 19, 0);
    wechat.refuseNext = 100;
    for (int i = 0; i < 6; i++) {
      push.check();
    }
    assertThat(status("20250901-w2-parent")).isEqualTo(PushRun.Status.FAILED);
    assertThat(wechat.delivered).isEmpty();
    assertThat(adminMessages.sent)
        .anyMatch(m -> m[0].equals("o_push_admin") && m[1].contains("失败"));
  }

  @Test
  void theFifthWeeklyArticleOfAMonthIsCappedOfferedInChatAndAdminsAreTold() {
    people.contact("wechat", "o_push_admin");
    // September 2025 has five Mondays: 1, 8, 15, 22, 29
    for (int week = 1; week <= 5; week++) {
      at(week, 0, 19, 0);
      push.check();
    }
    assertThat(wechat.deliveredClientMsgIds()).hasSize(8).noneMatch(id -> id.contains("-w5-"));
    assertThat(status("20250901-w5-parent")).isEqualTo(PushRun.Status.CAPPED);
    assertThat(status("20250901-w5-teacher")).isEqualTo(PushRun.Status.CAPPED);
    assertThat(adminMessages.sent).anyMatch(m -> m[1].contains("上限"));
    assertThat(articles.thisWeek(Audience.PARENT).orElseThrow().week()).isEqualTo(5);
    // October starts a new month: week 6 goes out again
    at(6, 0, 19, 0);
    push.check();
    assertThat(wechat.deliveredClientMsgIds()).contains("xq-20250901-w6-parent");
  }

  @Test
  void recordsDeliveryCountsFromMassSendJobFinish() {
    at(1, 0, 19, 0);
    push.check();
    PushRun run = runs.byKey("20250901-w1-teacher").orElseThrow();
    assertThat(
            push.massSendFinished(run.msgId(), new PushRun.Delivery("send success", 40, 38, 37, 1)))
        .isTrue();
    PushRun finished = runs.byKey("20250901-w1-teacher").orElseThrow();
    assertThat(finished.status()).isEqualTo(PushRun.Status.FINISHED);
    assertThat(finished.delivery().sent()).isEqualTo(37);
    assertThat(push.massSendFinished("msg-unknown", new PushRun.Delivery("x", 0, 0, 0, 0)))
        .isFalse();
  }

  @Test
  void theWeChatPortalsMassSendFinishedEventIsRecorded() {
    at(1, 0, 19, 0);
    push.check();
    PushRun run = runs.byKey("20250901-w1-parent").orElseThrow();
    events.publishEvent(
        new org.xinqiao.channels.wechat.MassSendReport(run.msgId(), "send success", 12, 11, 10, 1));
    PushRun finished = runs.byKey("20250901-w1-parent").orElseThrow();
    assertThat(finished.status()).isEqualTo(PushRun.Status.FINISHED);
    assertThat(finished.delivery().errors()).isEqualTo(1);
  }

  @Test
  void manualSendGoesOutAndCountsTowardsTheMonthlyLimit() {
    at(1, 2, 10, 0);
    assertThat(push.sendNow("p10-praise", 1L)).isEqualTo(WeeklyPush.ManualOutcome.SENT);
    assertThat(push.sendNow("nope", 1L)).isEqualTo(WeeklyPush.ManualOutcome.UNKNOWN_ARTICLE);
    for (int i = 0; i < 3; i++) {
      push.sendNow("p10-praise", 1L);
    }
    assertThat(push.sendNow("p10-praise", 1L)).isEqualTo(WeeklyPush.ManualOutcome.CAPPED);
    assertThat(wechat.delivered).hasSize(4);
  }

  @Test
  void tagsFollowConsentPauseAndRole() {
    Person parent = consentedParent();
    Person unconsented = people.contact("wechat", "o_unconsented_" + parent.id());
    at(1, 0, 10, 0);
    push.check();
    assertThat(wechat.membersOf("xinqiao-parents"))
        .contains(parent.openid())
        .doesNotContain(unconsented.openid());
    assertThat(wechat.membersOf("xinqiao-teachers")).doesNotContain(parent.openid());
  }

  @Test
  void aTagDeletedOnWeChatIsRecreatedAndRefilled() {
    Person parent = consentedParent();
    at(1, 0, 10, 0);
    push.check();
    assertThat(wechat.membersOf("xinqiao-parents")).contains(parent.openid());

    wechat.reset(); // WeChat forgot the tag (deleted in the backend, or a restarted simulator)
    push.check();

    assertThat(wechat.membersOf("xinqiao-parents")).contains(parent.openid());
  }

  @Test
  void consentFollowAndUnfollowRetagAtOnceWithoutACheck() {
    Person parent = people.contact("wechat", "o_follow_" + System.nanoTime());
    assertThat(wechat.membersOf("xinqiao-parents")).doesNotContain(parent.openid());

    people.consent(parent);
    assertThat(wechat.membersOf("xinqiao-parents")).contains(parent.openid());

    people.unfollowed(parent);
    assertThat(wechat.membersOf("xinqiao-parents")).doesNotContain(parent.openid());

    people.followed(parent);
    assertThat(wechat.membersOf("xinqiao-parents")).contains(parent.openid());
  }

  private PushRun.Status status(String key) {
    return runs.byKey(key).orElseThrow().status();
  }
}
