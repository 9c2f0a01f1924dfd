package org.xinqiao.push;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinqiao.console.StaffPrincipal;

/** The admin's push page: schedule, next push and its preview, history, manual send. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PushConsoleController {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final WeeklyPush push;
  private final TermCalendar calendar;
  private final ArticleCatalog catalog;
  private final PushProperties properties;
  private final Clock clock;

  PushConsoleController(
      WeeklyPush push,
      TermCalendar calendar,
      ArticleCatalog catalog,
      PushProperties properties,
      Clock clock) {
    this.push = push;
    this.calendar = calendar;
    this.catalog = catalog;
    this.properties = properties;
    this.clock = clock;
  }

  /** One line of history, ready to show. */
  record Row(
      String when,
      String audience,
      String title,
      String articleId,
      String kind,
      String status,
      String counts,
      String error) {}

  @GetMapping("/console/push")
  String page(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
    int lastWeek =
        Stream.of(Audience.values())
            .flatMap(a -> catalog.all(a).stream())
            .mapToInt(Article::week)
            .max()
            .orElse(0);
    model.addAttribute("staff", staff);
    model.addAttribute("properties", properties);
    model.addAttribute("configured", calendar.configured());
    model.addAttribute(
        "day",
        properties.day().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.CHINA));
    calendar
        .nextSlot(clock.instant(), lastWeek)
        .ifPresent(
            slot -> {
              model.addAttribute("nextWeek", slot.week());
              model.addAttribute("nextAt", WHEN.format(slot.at().atZone(clock.getZone())));
              model.addAttribute(
                  "nextArticles",
                  Arrays.stream(Audience.values())
                      .flatMap(a -> catalog.forWeek(a, slot.week()).stream())
                      .toList());
              model.addAttribute(
                  "nextCapped",
                  Arrays.stream(Audience.values())
                      .filter(a -> push.monthlyCapReached(a, slot.at()))
                      .map(Audience::label)
                      .toList());
            });
    List<Row> history = push.history(50).stream().map(this::row).toList();
    model.addAttribute("history", history);
    model.addAttribute(
        "notices",
        history.stream()
            .filter(r -> r.status().equals("CAPPED") || r.status().equals("FAILED"))
            .limit(5)
            .toList());
    model.addAttribute(
        "articles",
        Arrays.stream(Audience.values()).flatMap(a -> catalog.all(a).stream()).toList());
    return "console/push/index";
  }

  /** First step of a manual send: show what would go out to whom, and ask. */
  @PostMapping("/console/push/send")
  String confirm(@RequestParam String articleId, Model model, RedirectAttributes redirect) {
    Article article = catalog.byId(articleId).orElse(null);
    if (article == null) {
      redirect.addFlashAttribute("message", "找不到这篇文章。");
      return "redirect:/console/push";
    }
    model.addAttribute("article", article);
    model.addAttribute("audience", article.audience().label());
    model.addAttribute("capped", push.monthlyCapReached(article.audience(), clock.instant()));
    return "console/push/confirm";
  }

  @PostMapping("/console/push/send/confirmed")
  String send(
      @RequestParam String articleId,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes redirect) {
    Map<WeeklyPush.ManualOutcome, String> messages =
        Map.of(
            WeeklyPush.ManualOutcome.SENT, "已群发，送达统计稍后出现在历史记录里。",
            WeeklyPush.ManualOutcome.QUEUED, "微信暂时没有接受，系统会自动重试（同一条不会重复发送）。",
            WeeklyPush.ManualOutcome.CAPPED, "本月群发次数已用完，没有发送。",
            WeeklyPush.ManualOutcome.UNKNOWN_ARTICLE, "找不到这篇文章。");
    redirect.addFlashAttribute("message", messages.get(push.sendNow(articleId, staff.personId())));
    return "redirect:/console/push";
  }

  private Row row(PushRun run) {
    String title = catalog.byId(run.articleId()).map(Article::title).orElse(run.articleId());
    String counts =
        run.delivery() == null
            ? ""
            : "送达 %d / 目标 %d（失败 %d）"
                .formatted(
                    run.delivery().sent(), run.delivery().filtered(), run.delivery().errors());
    return new Row(
        WHEN.format(
            (run.sentAt() != null ? run.sentAt() : run.createdAt()).atZone(clock.getZone())),
        run.audience().label(),
        title,
        run.articleId(),
        switch (run.kind()) {
          case MANUAL -> "手动";
          case ANNOUNCEMENT -> "公告";
          case SCHEDULED -> "第" + run.week() + "周";
        },
        run.status().name(),
        counts,
        run.lastError() == null ? "" : run.lastError());
  }
}
