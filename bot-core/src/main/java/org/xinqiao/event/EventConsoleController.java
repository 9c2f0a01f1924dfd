package org.xinqiao.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.people.Role;
import org.xinqiao.push.Announcements;

/**
 * Events in the console. Admins create, change, cancel and announce every kind of event; counselors
 * do the same for group counseling only. The page of an event shows its check-in code and the
 * code's QR image for the screen in the room; people are shown only as counts.
 */
@Controller
@RequestMapping("/console/events")
@PreAuthorize("hasAnyRole('ADMIN', 'COUNSELOR')")
class EventConsoleController {

  /** One line of the list. */
  record Row(Event event, String when, SignupRepository.Counts counts, boolean manageable) {}

  private final Events events;
  private final EventRepository repository;
  private final SignupRepository signups;
  private final EventAnnouncer announcer;
  private final Clock clock;

  EventConsoleController(
      Events events,
      EventRepository repository,
      SignupRepository signups,
      EventAnnouncer announcer,
      Clock clock) {
    this.events = events;
    this.repository = repository;
    this.signups = signups;
    this.announcer = announcer;
    this.clock = clock;
  }

  @GetMapping
  String list(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
    Instant now = clock.instant();
    List<Row> rows =
        repository.between(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(400))).stream()
            .map(e -> new Row(e, e.when(), signups.counts(e.id()), manageable(staff, e)))
            .toList();
    model.addAttribute("staff", staff);
    model.addAttribute("rows", rows);
    model.addAttribute("admin", staff.role() == Role.ADMIN);
    return "console/events/list";
  }

  @GetMapping("/new")
  String create(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
    EventForm form = new EventForm();
    if (staff.role() != Role.ADMIN) {
      form.setKind(EventKind.GROUP_COUNSELING.name());
    }
    return form(staff, model, form, null);
  }

  @PostMapping
  String created(
      @AuthenticationPrincipal StaffPrincipal staff,
      @ModelAttribute("form") EventForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    EventDraft draft = form.validate(errors, clock.instant(), staff.role() != Role.ADMIN, null, 0);
    if (draft == null) {
      return form(staff, model, form, null);
    }
    Event e = events.create(draft, staff.personId());
    redirect.addFlashAttribute("message", "活动已发布，签到码 " + e.checkinCode());
    return "redirect:/console/events/" + e.id();
  }

  @GetMapping("/{id}")
  String show(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, Model model) {
    Event e = manageableEvent(staff, id);
    model.addAttribute("staff", staff);
    model.addAttribute("event", e);
    model.addAttribute("counts", signups.counts(id));
    model.addAttribute("admin", staff.role() == Role.ADMIN);
    model.addAttribute("deadline", EventTime.at(e.signupDeadline()));
    return "console/events/show";
  }

  @GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
  ResponseEntity<byte[]> qr(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id) {
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .body(CheckinQr.png(manageableEvent(staff, id)));
  }

  @GetMapping("/{id}/edit")
  String edit(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, Model model) {
    Event e = manageableEvent(staff, id);
    return form(staff, model, EventForm.of(e), e);
  }

  @PostMapping("/{id}")
  String edited(
      @AuthenticationPrincipal StaffPrincipal staff,
      @PathVariable long id,
      @ModelAttribute("form") EventForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Event before = manageableEvent(staff, id);
    if (before.cancelled()) {
      redirect.addFlashAttribute("message", "活动已取消，不能再修改");
      return "redirect:/console/events/" + id;
    }
    EventDraft draft =
        form.validate(
            errors,
            clock.instant(),
            staff.role() != Role.ADMIN,
            before,
            signups.counts(id).holding());
    if (draft == null) {
      return form(staff, model, form, before);
    }
    events.update(id, draft);
    redirect.addFlashAttribute("message", "已保存");
    return "redirect:/console/events/" + id;
  }

  @PostMapping("/{id}/cancel")
  String cancel(
      @AuthenticationPrincipal StaffPrincipal staff,
      @PathVariable long id,
      RedirectAttributes redirect) {
    manageableEvent(staff, id);
    boolean done = events.cancel(id);
    redirect.addFlashAttribute("message", done ? "活动已取消，已通知报名和候补的人" : "活动之前已经取消了");
    return "redirect:/console/events/" + id;
  }

  @PostMapping("/{id}/announce")
  @PreAuthorize("hasRole('ADMIN')")
  String announce(
      @AuthenticationPrincipal StaffPrincipal staff,
      @PathVariable long id,
      RedirectAttributes redirect) {
    Event e = manageableEvent(staff, id);
    if (e.cancelled() || !e.signupOpen(clock.instant())) {
      redirect.addFlashAttribute("message", "活动已取消或报名已截止，不再群发");
      return "redirect:/console/events/" + id;
    }
    Map<org.xinqiao.push.Audience, Announcements.Outcome> outcomes =
        announcer.announce(e, staff.personId());
    redirect.addFlashAttribute(
        "message",
        outcomes.entrySet().stream()
            .map(o -> o.getKey().label() + "：" + label(o.getValue()))
            .collect(Collectors.joining("；")));
    return "redirect:/console/events/" + id;
  }

  private static String label(Announcements.Outcome outcome) {
    return switch (outcome) {
      case SENT -> "已群发";
      case QUEUED -> "暂未发出，稍后自动重试";
      case CAPPED -> "本月群发次数已用完，未发送";
    };
  }

  private String form(StaffPrincipal staff, Model model, EventForm form, Event editing) {
    boolean admin = staff.role() == Role.ADMIN;
    model.addAttribute("staff", staff);
    model.addAttribute("form", form);
    model.addAttribute("editing", editing);
    model.addAttribute(
        "kinds", admin ? List.of(EventKind.values()) : List.of(EventKind.GROUP_COUNSELING));
    model.addAttribute("audiences", List.of(EventAudience.values()));
    return "console/events/form";
  }

  private Event manageableEvent(StaffPrincipal staff, long id) {
    Event e =
        repository.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (!manageable(staff, e)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return e;
  }

  private static boolean manageable(StaffPrincipal staff, Event e) {
    return staff.role() == Role.ADMIN || e.kind() == EventKind.GROUP_COUNSELING;
  }
}
