package org.xinqiao.checkin;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinqiao.people.Role;

/**
 * Not part of the suite (the name matches no Surefire pattern): what one full check-in costs in
 * messages and time through the portal, for the report. Run with {@code -Dtest=CheckinRunBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; prints the conversation and the timings.
 */
@CheckinSpringTest
class CheckinRunBenchmark {

  @Autowired CheckinChat chat;
  @Autowired CheckinCatalog catalog;

  @Test
  void timesFullCheckinsThroughThePortal() {
    // warm-up: the first message loads the embedder and JIT-compiles the path
    chat.send(chat.newPerson(Role.TEACHER), "你好");
    for (Checkin c : catalog.all()) {
      Role role = c.audience() == Audience.PARENT ? Role.PARENT : Role.TEACHER;
      int number = catalog.forRole(role).indexOf(c) + 1;
      List<Long> times = new ArrayList<>();
      for (int run = 0; run < 5; run++) {
        String who = chat.newPerson(role);
        List<String> sent = new ArrayList<>();
        sent.add("自评");
        sent.add("自评" + number);
        sent.addAll(CheckinChatTest.answersScoring(c, c.bands().get(1).min()));
        sent.add("不分享");
        long start = System.nanoTime();
        StringBuilder transcript = new StringBuilder();
        for (String text : sent) {
          String reply = chat.send(who, text);
          transcript.append("> ").append(text).append("\n").append(reply).append("\n\n");
        }
        times.add((System.nanoTime() - start) / 1_000_000);
        if (run == 0) {
          System.out.println("=== " + c.id() + "\n" + transcript);
        }
      }
      long sorted[] = times.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(
          "BENCH %s: %d messages from the person, %d replies; run ms %s (median %d)%n",
          c.id(), c.items().size() + 3, c.items().size() + 3, times, sorted[sorted.length / 2]);
    }
  }
}
