package org.xinqiao.appointment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.people.People;
import org.xinqiao.people.Role;

/**
 * The counselor's calendar in the console: a week of sessions with the booker's note, attended /
 * no-show, cancel with a reason (sent to the person), the secret calendar-feed link, and the
 * start-of-term schedule upload. Only counselors see sessions; admins may only upload schedules.
 */
@Controller
@RequestMapping("/console/appointments")
class AppointmentConsoleController {

  /** One row of the week list. */
  record Row(
      long id, String day, String hours, String kind, String who, String status, String note) {}

  private final BookingRepository repository;
  private final Bookings bookings;
  private final ScheduleRepository schedule;
  private final ScheduleImport scheduleImport;
  private final FeedTokens feeds;
  private final People people;
  private final AppointmentProperties properties;
  private final Clock clock;

  AppointmentConsoleController(
      BookingRepository repository,
      Bookings bookings,
      ScheduleRepository schedule,
      ScheduleImport scheduleImport,
      FeedTokens feeds,
      People people,
      AppointmentProperties properties,
      Clock clock) {
    this.repository = repository;
    this.bookings = bookings;
    this.schedule = schedule;
    this.scheduleImport = scheduleImport;
    this.feeds = feeds;
    this.people = people;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize("hasRole('COUNSELOR')")
  String week(
      @AuthenticationPrincipal StaffPrincipal staff,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
      Model model) {
    LocalDate monday =
        (week == null ? weekOfNextSession(staff.personId()) : week)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<Row> rows = new ArrayList<>();
    for (Appointment a :
        repository.ofCounselor(
            staff.personId(),
            monday.atStartOfDay(SchoolTime.ZONE).toInstant(),
            monday.plusWeeks(1).atStartOfDay(SchoolTime.ZONE).toInstant())) {
      String who = people.find(a.bookerId()).map(Bookings::who).orElse("（已删除）");
      rows.add(
          new Row(
              a.id(),
              SchoolTime.day(a.startsAt().atZone(SchoolTime.ZONE).toLocalDate()),
              SchoolTime.hours(a.startsAt(), a.endsAt()),
              a.kind().label(),
              who,
              a.status(),
              a.note()));
    }
    model.addAttribute("staff", staff);
    model.addAttribute("rows", rows);
    model.addAttribute("title", SchoolTime.day(monday) + " 起的一周");
    model.addAttribute("previous", monday.minusWeeks(1));
    model.addAttribute("next", monday.plusWeeks(1));
    model.addAttribute("configured", schedule.counselor(staff.personId()).isPresent());
    model.addAttribute("feedActive", feeds.active(staff.personId()));
    model.addAttribute(
        "statusLabels",
        Map.of(
            "BOOKED", "已预约",
            "CANCELLED", "已取消",
            "ATTENDED", "已到",
            "NO_SHOW", "未到"));
    return "console/appointments/week";
  }

  /** Opens on the week of the counselor's next booked session, else this week. */
  private LocalDate weekOfNextSession(long counselorId) {
    Instant now = clock.instant();
    return repository.ofCounselor(counselorId, now, now.plus(Duration.ofDays(366))).stream()
        .filter(Appointment::live)
        .findFirst()
        .map(Appointment::startsAt)
        .orElse(now)
        .atZone(SchoolTime.ZONE)
        .toLocalDate();
  }

  @PostMapping("/{id}/attended")
  @PreAuthorize("hasRole('COUNSELOR')")
  String attended(
      @AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, RedirectAttributes r) {
    return change(r, () -> bookings.mark(staff.personId(), id, "ATTENDED"), "已记为到场");
  }

  @PostMapping("/{id}/no-show")
  @PreAuthorize("hasRole('COUNSELOR')")
  String noShow(
      @AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, RedirectAttributes r) {
    return change(r, () -> bookings.mark(staff.personId(), id, "NO_SHOW"), "已记为未到");
  }

  @PostMapping("/{id}/cancel")
  @PreAuthorize("hasRole('COUNSELOR')")
  String cancel(
      @AuthenticationPrincipal StaffPrincipal staff,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes r) {
    if (reason.isBlank() || reason.length() > 200) {
      r.addFlashAttribute("error", "请写明取消原因（200 字以内），它会发给预约的人。");
      return "redirect:/console/appointments";
    }
    return change(
        r, () -> bookings.cancelByCounselor(staff.personId(), id, reason.strip()), "已取消，并已通知预约的人");
  }

  @PostMapping("/feed")
  @PreAuthorize("hasRole('COUNSELOR')")
  String renewFeed(@AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes r) {
    if (schedule.counselor(staff.personId()).isEmpty()) {
      // the feed belongs to a counselor's calendar, which exists once their hours are imported
      r.addFlashAttribute("error", "还没有导入你的排班，暂时无法生成日历订阅链接。请先在“导入排班”中导入。");
      return "redirect:/console/appointments";
    }
    String token = feeds.renew(staff.personId());
    r.addFlashAttribute(
        "feedUrl", properties.publicBaseUrl().replaceAll("/+$", "") + "/ics/" + token + ".ics");
    return "redirect:/console/appointments";
  }

  @PostMapping("/feed/revoke")
  @PreAuthorize("hasRole('COUNSELOR')")
  String revokeFeed(@AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes r) {
    feeds.revoke(staff.personId());
    r.addFlashAttribute("message", "日历订阅链接已停用");
    return "redirect:/console/appointments";
  }

  @GetMapping("/schedule")
  @PreAuthorize("hasAnyRole('COUNSELOR', 'ADMIN')")
  String scheduleForm(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
    model.addAttribute("staff", staff);
    return "console/appointments/schedule";
  }

  @PostMapping("/schedule")
  @PreAuthorize("hasAnyRole('COUNSELOR', 'ADMIN')")
  String upload(
      @AuthenticationPrincipal StaffPrincipal staff,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "text", required = false) String text,
      Model model)
      throws IOException {
    model.addAttribute("staff", staff);
    String yaml =
        file != null && !file.isEmpty()
            ? new String(file.getBytes(), StandardCharsets.UTF_8)
            : text == null ? "" : text;
    if (yaml.isBlank() || yaml.length() > 200_000) {
      model.addAttribute("error", "请选择一个排班文件（YAML，200 KB 以内）。");
      return "console/appointments/schedule";
    }
    try {
      ScheduleImport.Result result =
          scheduleImport.apply(yaml, staff.role() == Role.ADMIN ? null : staff.personId());
      model.addAttribute(
          "message",
          "已导入：心理老师 %d 位，学期 %d 个，假期 %d 个，特殊日期 %d 个。"
              .formatted(
                  result.counselors(), result.terms(), result.holidays(), result.overrides()));
    } catch (ScheduleImport.Invalid invalid) {
      model.addAttribute("error", "没有导入任何内容：" + invalid.getMessage());
    }
    return "console/appointments/schedule";
  }

  private String change(RedirectAttributes r, Runnable action, String done) {
    try {
      action.run();
      r.addFlashAttribute("message", done);
    } catch (BookingRefused refused) {
      r.addFlashAttribute("error", "这个预约已经不是待进行状态，页面已刷新。");
    }
    return "redirect:/console/appointments";
  }
}
