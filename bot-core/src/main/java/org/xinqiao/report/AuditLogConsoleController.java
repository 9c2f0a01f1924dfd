package org.xinqiao.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xinqiao.console.StaffPrincipal;

/**
 * The admins' audit-log viewer: newest first, 50 a page, filtered by day range, actor and action.
 * Audit lines never hold message bodies (see {@code AuditLog#append}); people appear as {@code
 * p<id>}.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditLogConsoleController {

  static final int PAGE = 50;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** One line as shown. */
  record Line(String at, String actor, String action, String subject, String detail) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLogConsoleController(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @GetMapping("/console/audit-log")
  String page(
      @AuthenticationPrincipal StaffPrincipal staff,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "") String actor,
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (from != null) {
      where.append(" and at >= ?");
      params.add(Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()));
    }
    if (to != null) {
      where.append(" and at < ?");
      params.add(Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
    }
    if (!actor.isBlank()) {
      where.append(" and actor = ?");
      params.add(actor.strip());
    }
    if (!action.isBlank()) {
      where.append(" and action = ?");
      params.add(action.strip());
    }
    int shown = Math.max(0, Math.min(page, 100_000));
    List<Object> paged = new ArrayList<>(params);
    paged.add(PAGE + 1);
    paged.add((long) shown * PAGE);
    List<Line> lines =
        jdbc.sql(
                "select at, actor, action, subject_type, subject_id, detail from audit_log"
                    + where
                    + " order by at desc, id desc limit ? offset ?")
            .params(paged)
            .query(
                (rs, i) ->
                    new Line(
                        WHEN.format(rs.getTimestamp(1).toInstant().atZone(clock.getZone())),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4) + " " + rs.getString(5),
                        rs.getString(6) == null ? "" : rs.getString(6)))
            .list();
    model.addAttribute("staff", staff);
    model.addAttribute("lines", lines.subList(0, Math.min(PAGE, lines.size())));
    model.addAttribute("hasNext", lines.size() > PAGE);
    model.addAttribute("page", shown);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("actor", actor);
    model.addAttribute("action", action);
    return "console/reports/audit-log";
  }
}
