package org.xinqiao.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.xinqiao.people.Person;
import org.xinqiao.store.ExpectedTaskFailure;

/** WeChat refusing a page outside the 48-hour window is expected: one log line, no trace. */
@ExtendWith(OutputCaptureExtension.class)
class ExpectedRefusalLoggingTest extends EscalationContext {

  @Autowired EscalationPaging paging;
  @Autowired SchedulerClient scheduler;

  @Test
  void aPageRefusedOutsideTheWindowLogsOneLineWithTheErrcodeAndPseudonym(CapturedOutput output) {
    Person zhang = counselor("张老师");
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    PageOrder toZhang =
        scheduler.getScheduledExecutionsForTask(EscalationTasks.PAGE, PageOrder.class).stream()
            .map(x -> x.getData())
            .filter(o -> o.escalationId() == e.id() && o.channel().equals("simulator"))
            .filter(o -> o.recipient().equals("张老师") || o.recipient().equals(zhang.pseudonym()))
            .findFirst()
            .orElseThrow();
    sender.refuse.add(zhang.openid());
    int before = output.length();
    Throwable thrown;
    try {
      thrown = catchThrowable(() -> paging.deliver(toZhang));
    } finally {
      sender.refuse.remove(zhang.openid());
    }

    assertThat(thrown).isInstanceOf(ExpectedTaskFailure.class).hasNoCause();
    assertThat(thrown.getStackTrace()).isEmpty();
    List<String> lines =
        output.toString().substring(before).lines().filter(l -> l.contains("escalation")).toList();
    assertThat(lines)
        .singleElement()
        .asString()
        .contains("refused by WeChat: errcode 45015")
        .contains(zhang.pseudonym())
        .doesNotContain(zhang.openid());
  }
}
