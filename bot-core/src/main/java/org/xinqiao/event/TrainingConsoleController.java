package org.xinqiao.event;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.xinqiao.console.StaffPrincipal;

/** The training ledger for admins: who is below the plan's targets, as a page and as CSV. */
@Controller
@RequestMapping("/console/events")
@PreAuthorize("hasRole('ADMIN')")
class TrainingConsoleController {

  private final TrainingLedger ledger;

  TrainingConsoleController(TrainingLedger ledger) {
    this.ledger = ledger;
  }

  @GetMapping("/training")
  String page(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
    TrainingLedger.Ledger now = ledger.now();
    model.addAttribute("staff", staff);
    model.addAttribute("ledger", now);
    model.addAttribute("below", now.belowTarget());
    return "console/events/training";
  }

  @GetMapping("/training.csv")
  ResponseEntity<byte[]> csv() {
    TrainingLedger.Ledger now = ledger.now();
    StringBuilder csv = new StringBuilder("\uFEFF姓名,角色,学年,本学年培训次数,每年目标,本学期全员培训次数,每学期目标,参加过的培训\r\n");
    for (TrainingLedger.Row r : now.belowTarget()) {
      csv.append(cell(r.name()))
          .append(',')
          .append(r.role().label())
          .append(',')
          .append(now.year().label())
          .append(',')
          .append(r.trainings())
          .append(',')
          .append(now.yearTarget())
          .append(',')
          .append(r.wholeStaffTerm())
          .append(',')
          .append(now.termTarget())
          .append(',')
          .append(
              cell(
                  r.attended().stream()
                      .map(TrainingLedger.Attended::title)
                      .collect(Collectors.joining("；"))))
          .append("\r\n");
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("training-below-target.csv", StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Quoted; a leading = + - @ is defused so a spreadsheet never runs a name as a formula. */
  static String cell(String value) {
    String v = value.matches("^[=+\\-@].*") ? "'" + value : value;
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
