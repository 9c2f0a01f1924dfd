package org.xinqiao.checkin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.xinqiao.conversation.Texts;
import org.xinqiao.helplines.HelpLines;

/** Every check-in reply, from the reviewed texts under {@code texts/checkin-*.txt}. */
final class CheckinReplies {

  private final Texts texts;
  private final HelpLines helpLines;
  private final ZoneId zone;

  CheckinReplies(Texts texts, HelpLines helpLines, ZoneId zone) {
    this.texts = texts;
    this.helpLines = helpLines;
    this.zone = zone;
  }

  /** "1. 老师每周状态（每周一次，上次 12月1日）", one line per check-in. */
  String list(List<Checkin> checkins, Function<Checkin, Optional<Result>> latest) {
    if (checkins.isEmpty()) {
      return texts.get("checkin-none");
    }
    return texts.format("checkin-list", Map.of("list", lines(checkins, latest)));
  }

  String noSuch(int n, List<Checkin> checkins, Function<Checkin, Optional<Result>> latest) {
    return texts.format("checkin-no-such", Map.of("n", n, "list", lines(checkins, latest)));
  }

  String tooSoon(Checkin c, Result last) {
    LocalDate day = day(last);
    return texts.format(
        "checkin-too-soon",
        Map.of(
            "title", c.title(),
            "frequency", c.frequency().label(),
            "last", date(day),
            "next", date(c.frequency().nextAllowed(day))));
  }

  String intro(Checkin c) {
    return texts.format(
            "checkin-intro",
            Map.of("title", c.title(), "intro", c.intro(), "count", c.items().size()))
        + "\n\n"
        + question(c, 0);
  }

  String question(Checkin c, int index) {
    Checkin.Item item = c.items().get(index);
    StringBuilder options = new StringBuilder();
    if (item.freeText()) {
      options.append(texts.get("checkin-free-text"));
    }
    for (int i = 0; i < item.options().size(); i++) {
      options
          .append(i == 0 ? "" : "\n")
          .append(i + 1)
          .append(". ")
          .append(item.options().get(i).text());
    }
    return texts.format(
        "checkin-question",
        Map.of("n", index + 1, "count", c.items().size(), "text", item.text(), "options", options));
  }

  String notAnAnswer(Checkin c, int index) {
    return texts.format("checkin-not-an-answer", Map.of("question", question(c, index)));
  }

  String result(Checkin c, Checkin.Band band, Optional<Trend.Direction> trend, Result previous) {
    StringBuilder b =
        new StringBuilder(
            texts.format("checkin-result", Map.of("title", c.title(), "message", band.message())));
    trend.ifPresent(
        t ->
            b.append("\n\n")
                .append(
                    texts.format(
                        "checkin-trend-" + t.name().toLowerCase(java.util.Locale.ROOT),
                        Map.of("last", date(day(previous))))));
    b.append("\n\n");
    b.append(band.worrying() ? worrying() : texts.get("checkin-share-offer"));
    return b.toString();
  }

  String alert() {
    return texts.format(
        "checkin-alert",
        Map.of("emergency", helpLines.emergencyShort(), "hotlines", helpLines.hotlineLines()));
  }

  String shared() {
    return texts.get("checkin-shared");
  }

  String notShared(long retentionDays) {
    return texts.format("checkin-not-shared", Map.of("retention", retentionDays));
  }

  private String worrying() {
    return texts.format(
        "checkin-worrying",
        Map.of("hotlines", helpLines.hotlineLines(), "emergency", helpLines.emergencyShort()));
  }

  private String lines(List<Checkin> checkins, Function<Checkin, Optional<Result>> latest) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < checkins.size(); i++) {
      Checkin c = checkins.get(i);
      String last = latest.apply(c).map(r -> "上次 " + date(day(r))).orElse("还没做过");
      b.append(i == 0 ? "" : "\n")
          .append(i + 1)
          .append(". ")
          .append(c.title())
          .append("（")
          .append(c.frequency().label())
          .append("，")
          .append(last)
          .append("）");
    }
    return b.toString();
  }

  LocalDate day(Result r) {
    return r.takenAt().atZone(zone).toLocalDate();
  }

  private static String date(LocalDate day) {
    return day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
  }
}
