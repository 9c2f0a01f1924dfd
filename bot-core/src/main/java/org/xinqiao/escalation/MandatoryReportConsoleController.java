package org.xinqiao.escalation;

import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinqiao.console.StaffPrincipal;

/** The report decision on an escalation's page: record it, or confirm someone else's. */
@Controller
@RequestMapping("/console/escalations/{id}/report")
@PreAuthorize("hasAnyRole('COUNSELOR', 'SAFEGUARDING')")
class MandatoryReportConsoleController {

  private final MandatoryReports reports;

  MandatoryReportConsoleController(MandatoryReports reports) {
    this.reports = reports;
  }

  @PostMapping
  String decide(
      @PathVariable long id,
      @RequestParam(required = false) ReportDecision.Kind decision,
      @RequestParam(required = false) ReportDecision.ReportedTo reportedTo,
      @RequestParam(required = false) String reportedToOther,
      @RequestParam(required = false) String reportedOn,
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) String reason,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    var form =
        new MandatoryReports.Form(
            decision, reportedTo, reportedToOther, reportedOn, reference, reason);
    return done(id, reports.decide(id, staff.personId(), staff.displayName(), form), flash);
  }

  @PostMapping("/confirm")
  String confirm(
      @PathVariable long id,
      @AuthenticationPrincipal StaffPrincipal staff,
      RedirectAttributes flash) {
    return done(id, reports.confirm(id, staff.personId(), staff.displayName()), flash);
  }

  private static String done(
      long id, Optional<MandatoryReports.Refusal> refusal, RedirectAttributes flash) {
    if (refusal.isPresent()) {
      flash.addFlashAttribute("problem", refusal.get().message());
    } else {
      flash.addFlashAttribute("notice", "报告决定已记录。");
    }
    return "redirect:/console/escalations/" + id;
  }
}
