package org.xinqiao.knowledge;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.xinqiao.kb.ContentError;

/**
 * What the knowledge base could not answer, for the counselors and admins who write content; and a
 * reload button for admins after editing the content folder.
 */
@Controller
class KnowledgeConsoleController {

  private final KnowledgeLibrary library;
  private final KnowledgeGaps gaps;

  KnowledgeConsoleController(KnowledgeLibrary library, KnowledgeGaps gaps) {
    this.library = library;
    this.gaps = gaps;
  }

  @GetMapping("/console/kb")
  @PreAuthorize("hasAnyRole('COUNSELOR', 'ADMIN')")
  String gaps(Model model) {
    model.addAttribute("entries", library.knowledgeBase().entries().size());
    model.addAttribute("gaps", gaps.recent(200).stream().map(GapRow::of).toList());
    return "console/kb/gaps";
  }

  /** One table row, with the time in the school's zone. */
  record GapRow(String at, String question, String verdict, String bestId, String score) {
    static GapRow of(KnowledgeGaps.Gap g) {
      return new GapRow(
          TIME.format(g.at()),
          g.question(),
          "NONE".equals(g.verdict()) ? "没有回答" : "请对方二选一",
          g.bestId(),
          g.bestScore() == null ? "" : String.format("%.2f", g.bestScore()));
    }
  }

  private static final java.time.format.DateTimeFormatter TIME =
      java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm")
          .withZone(java.time.ZoneId.of("Asia/Shanghai"));

  @PostMapping("/console/kb/reload")
  @PreAuthorize("hasRole('ADMIN')")
  String reload(Model model) {
    List<ContentError> errors = library.reload();
    model.addAttribute("reloadErrors", errors.stream().map(ContentError::toString).toList());
    model.addAttribute("reloaded", errors.isEmpty());
    return gaps(model);
  }
}
