package org.xinqiao.casework;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.people.People;
import org.xinqiao.people.Role;

/**
 * The case pages. Counselors and lead counselors only (an admin gets 403); a case the counselor is
 * not assigned to answers 404, as if it did not exist.
 */
@Controller
@RequestMapping("/console/cases")
@PreAuthorize("hasRole('COUNSELOR')")
class CaseConsoleController {

  private final Cases cases;
  private final CasePlan plan;
  private final People people;
  private final ZoneId zone;

  CaseConsoleController(Cases cases, CasePlan plan, People people, java.time.Clock clock) {
    this.cases = cases;
    this.plan = plan;
    this.people = people;
    this.zone = clock.getZone();
  }

  @GetMapping
  String list(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
    model.addAttribute("staff", staff);
    model.addAttribute("cases", cases.visibleTo(staff));
    return "console/cases/list";
  }

  @PostMapping
  String open(
      @RequestParam(required = false) String label,
      @RequestParam(defaultValue = "MANUAL") LinkKind via,
      @RequestParam(required = false) Long ref,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    Cases.Opened opened = cases.open(staff, label, via, ref);
    if (opened.id() == null) {
      flash.addFlashAttribute("problem", opened.problem());
      return via == LinkKind.ESCALATION && ref != null
          ? "redirect:/console/escalations/" + ref
          : "redirect:/console/cases";
    }
    flash.addFlashAttribute("notice", "个案已建立。");
    return "redirect:/console/cases/" + opened.id();
  }

  @GetMapping("/{id}")
  String detail(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal staff, Model model) {
    Cases.Details d =
        cases
            .view(id, staff)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个个案"));
    model.addAttribute("staff", staff);
    model.addAttribute("d", d);
    model.addAttribute("c", d.file());
    model.addAttribute("outcomes", CaseOutcome.values());
    model.addAttribute(
        "linkKinds",
        new LinkKind[] {
          LinkKind.ESCALATION, LinkKind.APPOINTMENT, LinkKind.REFERRAL, LinkKind.CHECKIN
        });
    model.addAttribute(
        "counselors",
        java.util.stream.Stream.concat(
                people.withRole(Role.COUNSELOR).stream(),
                people.withRole(Role.LEAD_COUNSELOR).stream())
            .toList());
    return "console/cases/detail";
  }

  @PostMapping("/{id}/notes")
  String note(
      @PathVariable long id,
      @RequestParam(required = false) String body,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    return done(id, cases.addNote(id, staff, body), "记录已保存。", flash);
  }

  @PostMapping("/{id}/assignees")
  String assign(
      @PathVariable long id,
      @RequestParam long counselor,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    return done(id, cases.assign(id, staff, counselor), "已分配。", flash);
  }

  @PostMapping("/{id}/links")
  String link(
      @PathVariable long id,
      @RequestParam LinkKind kind,
      @RequestParam long ref,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    return done(id, cases.link(id, staff, kind, ref), "已关联。", flash);
  }

  @PostMapping("/{id}/followups")
  String followup(
      @PathVariable long id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          LocalDateTime due,
      @RequestParam(required = false) String what,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    var dueAt = due == null ? null : due.atZone(zone).toInstant();
    return done(id, plan.plan(id, staff, dueAt, what), "跟进计划已保存，到期会提醒负责的老师。", flash);
  }

  @PostMapping("/{id}/followups/{followup}/done")
  String followupDone(
      @PathVariable long id,
      @PathVariable long followup,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    return done(id, plan.done(id, followup, staff), "已完成。", flash);
  }

  @PostMapping("/{id}/status")
  String status(
      @PathVariable long id,
      @RequestParam CaseStatus status,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    return done(id, cases.setStatus(id, staff, status), "状态已更新。", flash);
  }

  @PostMapping("/{id}/close")
  String close(
      @PathVariable long id,
      @RequestParam(required = false) CaseOutcome outcome,
      @RequestParam(required = false) String note,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    return done(id, cases.close(id, staff, outcome, note), "个案已结案。", flash);
  }

  private static String done(
      long id, Optional<String> problem, String success, RedirectAttributes flash) {
    flash.addFlashAttribute(problem.isPresent() ? "problem" : "notice", problem.orElse(success));
    return "redirect:/console/cases/" + id;
  }
}
