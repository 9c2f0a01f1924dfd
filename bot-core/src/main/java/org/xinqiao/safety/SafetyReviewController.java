package org.xinqiao.safety;

import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinqiao.console.StaffPrincipal;

/**
 * The counselors' side of "explain and learn": mark a transcript line as a false alarm or as missed
 * (from the escalation page), and review the candidates in a queue (counselor or admin).
 */
@Controller
@RequestMapping("/console/safety/candidates")
@PreAuthorize("hasAnyRole('COUNSELOR', 'ADMIN')")
class SafetyReviewController {

  private final ReviewedExemplars reviewed;

  SafetyReviewController(ReviewedExemplars reviewed) {
    this.reviewed = reviewed;
  }

  @GetMapping
  String queue(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
    model.addAttribute("staff", staff);
    model.addAttribute("candidates", reviewed.queue());
    return "console/safety/candidates";
  }

  @PostMapping
  @PreAuthorize("hasRole('COUNSELOR')")
  String propose(
      @RequestParam long escalation,
      @RequestParam long message,
      @RequestParam String verdict,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String person,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    Optional<ReviewedExemplars.Refused> refused;
    try {
      refused =
          reviewed.propose(
              escalation,
              message,
              ExemplarCandidate.Verdict.valueOf(verdict.toUpperCase(Locale.ROOT)),
              level == null || level.isBlank() ? null : RiskLevel.fromCode(level),
              category == null || category.isBlank() ? null : category,
              person,
              staff.personId());
    } catch (IllegalArgumentException bad) {
      refused = Optional.of(new ReviewedExemplars.Refused("标记的内容不完整，请重新选择。"));
    }
    flash.addFlashAttribute(
        refused.isPresent() ? "problem" : "notice",
        refused.map(ReviewedExemplars.Refused::reason).orElse("已加入待审核的样例，审核通过前不会生效。"));
    return "redirect:/console/escalations/" + escalation;
  }

  @PostMapping("/{id}/accept")
  String accept(
      @PathVariable long id,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    return review(id, true, staff, flash);
  }

  @PostMapping("/{id}/reject")
  String reject(
      @PathVariable long id,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    return review(id, false, staff, flash);
  }

  private String review(long id, boolean accept, StaffPrincipal staff, RedirectAttributes flash) {
    String actor = staff.role().name().toLowerCase(Locale.ROOT) + ":" + staff.personId();
    boolean done = reviewed.review(id, accept, actor, staff.personId());
    flash.addFlashAttribute(
        done ? "notice" : "problem",
        done ? (accept ? "已采纳：立即参与相似样例比对。" : "已驳回，消息原文已删除。") : "这条样例已经审核过了。");
    return "redirect:/console/safety/candidates";
  }
}
