package org.xinqiao.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.store.AuditLog;

/**
 * An admin (the school's content author) closes the loop on a group of unanswered questions: adds
 * it as a phrasing of an entry, marks it out of scope for the calibration set, or notes that a new
 * entry is needed. The audit log names the decision and the gap count, never the question text.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class GapDecisionController {

  private static final Set<String> OUT_OF_SCOPE_LABELS = Set.of("-", "admin");

  private final KnowledgeGaps gaps;
  private final ContentFolder folder;
  private final AuditLog audit;

  GapDecisionController(KnowledgeGaps gaps, ContentFolder folder, AuditLog audit) {
    this.gaps = gaps;
    this.folder = folder;
    this.audit = audit;
  }

  @PostMapping("/console/kb/gaps/phrasing")
  String addPhrasing(
      @AuthenticationPrincipal StaffPrincipal staff,
      @RequestParam(defaultValue = "") String ids,
      @RequestParam(defaultValue = "") String entry,
      @RequestParam(defaultValue = "") String question,
      RedirectAttributes redirect) {
    List<Long> chosen = ids(ids);
    if (chosen.isEmpty()) {
      return back(redirect, "没有选中问题。");
    }
    ContentFolder.Outcome outcome = folder.addQuestion(entry, question);
    if (outcome.done()) {
      int decided = gaps.decide(chosen, KnowledgeGaps.Status.PHRASING, entry);
      audit.append(actor(staff), "kb.gap.phrasing", "kb-entry", entry, "gaps=" + decided);
    }
    return back(redirect, outcome.message());
  }

  @PostMapping("/console/kb/gaps/out-of-scope")
  String outOfScope(
      @AuthenticationPrincipal StaffPrincipal staff,
      @RequestParam(defaultValue = "") String ids,
      @RequestParam(defaultValue = "-") String label,
      RedirectAttributes redirect) {
    List<KnowledgeGaps.Gap> chosen = gaps.byIds(ids(ids));
    if (chosen.isEmpty() || !OUT_OF_SCOPE_LABELS.contains(label)) {
      return back(redirect, "没有选中问题。");
    }
    ContentFolder.Outcome outcome =
        folder.addToCalibration(chosen.stream().map(KnowledgeGaps.Gap::question).toList(), label);
    if (outcome.done()) {
      int decided =
          gaps.decide(
              chosen.stream().map(KnowledgeGaps.Gap::id).toList(),
              KnowledgeGaps.Status.OUT_OF_SCOPE,
              null);
      audit.append(actor(staff), "kb.gap.out-of-scope", "kb-gap", label, "gaps=" + decided);
    }
    return back(redirect, outcome.message());
  }

  @PostMapping("/console/kb/gaps/needs-entry")
  String needsEntry(
      @AuthenticationPrincipal StaffPrincipal staff,
      @RequestParam(defaultValue = "") String ids,
      RedirectAttributes redirect) {
    int decided = gaps.decide(ids(ids), KnowledgeGaps.Status.NEEDS_ENTRY, null);
    if (decided > 0) {
      audit.append(actor(staff), "kb.gap.needs-entry", "kb-gap", "-", "gaps=" + decided);
    }
    return back(redirect, decided > 0 ? "已记下：需要写一个新条目（见下方“需要新条目”）。" : "没有选中问题。");
  }

  private static List<Long> ids(String ids) {
    return Arrays.stream(ids.split(","))
        .map(String::strip)
        .filter(s -> s.matches("\\d{1,18}"))
        .map(Long::valueOf)
        .limit(KnowledgeConsoleController.PAGE)
        .toList();
  }

  private static String back(RedirectAttributes redirect, String message) {
    redirect.addFlashAttribute("message", message);
    return "redirect:/console/kb";
  }

  static String actor(StaffPrincipal staff) {
    return "staff:" + staff.personId();
  }
}
