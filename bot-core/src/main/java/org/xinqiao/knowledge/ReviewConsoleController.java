package org.xinqiao.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.kb.ContentException;
import org.xinqiao.kb.Entry;
import org.xinqiao.kb.articles.Article;
import org.xinqiao.store.AuditLog;

/**
 * Counselor sign-off: which entries and articles no school counselor has signed off yet, and a
 * button for a counselor to sign an entry off (written into its file in the content folder, with
 * their name and the date, and audit-logged).
 */
@Controller
class ReviewConsoleController {

  private static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");

  private final ContentFolder folder;
  private final KnowledgeProperties properties;
  private final AuditLog audit;
  private final Clock clock;

  ReviewConsoleController(
      ContentFolder folder, KnowledgeProperties properties, AuditLog audit, Clock clock) {
    this.folder = folder;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/console/kb/review")
  @PreAuthorize("hasAnyRole('COUNSELOR', 'ADMIN')")
  String review(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
    List<Entry> entries;
    try {
      entries = folder.allEntries();
    } catch (ContentException e) {
      model.addAttribute("contentErrors", e.errors().stream().map(Object::toString).toList());
      entries = List.of();
    }
    List<Article> articles = KnowledgeContent.articles().articles();
    model.addAttribute(
        "unsigned", entries.stream().filter(e -> !e.reviewed().signedOff()).toList());
    model.addAttribute("signed", entries.stream().filter(e -> e.reviewed().signedOff()).toList());
    model.addAttribute(
        "unsignedArticles", articles.stream().filter(a -> !a.reviewed().signedOff()).toList());
    model.addAttribute("requireReview", properties.requireReview());
    model.addAttribute("writable", folder.writable());
    model.addAttribute("canSign", staff.role() == org.xinqiao.people.Role.COUNSELOR);
    return "console/kb/review";
  }

  @PostMapping("/console/kb/review/sign")
  @PreAuthorize("hasRole('COUNSELOR')")
  String signOff(
      @AuthenticationPrincipal StaffPrincipal staff,
      @RequestParam(defaultValue = "") String entry,
      RedirectAttributes redirect) {
    ContentFolder.Outcome outcome =
        folder.signOff(entry, staff.displayName(), LocalDate.now(clock.withZone(SCHOOL)));
    if (outcome.done()) {
      audit.append(GapDecisionController.actor(staff), "kb.sign-off", "kb-entry", entry, null);
    }
    redirect.addFlashAttribute("message", outcome.message());
    return "redirect:/console/kb/review";
  }
}
