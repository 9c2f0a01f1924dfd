package org.xinqiao.knowledge;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.kb.ContentError;
import org.xinqiao.kb.Entry;
import org.xinqiao.people.Role;

/**
 * What the knowledge base could not answer, grouped by similarity, for the counselors and admins
 * who look after the content; admins decide about each group ({@link GapDecisionController}) and
 * reload after editing the content folder.
 */
@Controller
class KnowledgeConsoleController {

  /** The newest open questions grouped on one page; older ones wait for the next view. */
  static final int PAGE = 500;

  private final KnowledgeLibrary library;
  private final KnowledgeGaps gaps;
  private final GapGroups groups;
  private final ContentFolder folder;

  KnowledgeConsoleController(
      KnowledgeLibrary library, KnowledgeGaps gaps, GapGroups groups, ContentFolder folder) {
    this.library = library;
    this.gaps = gaps;
    this.groups = groups;
    this.folder = folder;
  }

  @GetMapping("/console/kb")
  @PreAuthorize("hasAnyRole('COUNSELOR', 'ADMIN')")
  String gaps(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
    List<Entry> entries = library.knowledgeBase().entries();
    model.addAttribute("entryCount", entries.size());
    model.addAttribute("entries", entries);
    model.addAttribute("writable", folder.writable());
    model.addAttribute("canDecide", staff.role() == Role.ADMIN);
    model.addAttribute(
        "open",
        groups.of(gaps.withStatus(KnowledgeGaps.Status.OPEN, PAGE)).stream()
            .map(GroupRow::of)
            .toList());
    model.addAttribute(
        "needsEntry",
        groups.of(gaps.withStatus(KnowledgeGaps.Status.NEEDS_ENTRY, PAGE)).stream()
            .map(GroupRow::of)
            .toList());
    return "console/kb/gaps";
  }

  /** One group as the page shows it, with the time in the school's zone. */
  record GroupRow(
      String ids,
      String question,
      List<String> others,
      int count,
      String last,
      String verdicts,
      String likelyEntry) {
    static GroupRow of(GapGroups.Group g) {
      List<String> questions = g.questions();
      boolean chose = g.gaps().stream().anyMatch(x -> "CHOOSE".equals(x.verdict()));
      boolean none = g.gaps().stream().anyMatch(x -> "NONE".equals(x.verdict()));
      return new GroupRow(
          g.ids(),
          questions.get(0),
          questions.subList(1, Math.min(questions.size(), 6)),
          g.count(),
          TIME.format(g.newest().at()),
          (none ? "没有回答" : "") + (none && chose ? "、" : "") + (chose ? "请对方二选一" : ""),
          g.likelyEntry());
    }
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  @PostMapping("/console/kb/reload")
  @PreAuthorize("hasRole('ADMIN')")
  String reload(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
    List<ContentError> errors = library.reload();
    model.addAttribute("reloadErrors", errors.stream().map(ContentError::toString).toList());
    model.addAttribute("reloaded", errors.isEmpty());
    return gaps(staff, model);
  }
}
