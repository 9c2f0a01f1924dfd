package org.xinqiao.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.store.AuditLog;

/**
 * The admins' reports page: the semester report for a date range (figures, PDF, CSV) and the yearly
 * data audit with its incident log. Every export is in the audit log.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ReportConsoleController {

  private final SemesterReport semester;
  private final DataAudit audit;
  private final Incidents incidents;
  private final ReportProperties properties;
  private final AuditLog auditLog;
  private final Clock clock;

  ReportConsoleController(
      SemesterReport semester,
      DataAudit audit,
      Incidents incidents,
      ReportProperties properties,
      AuditLog auditLog,
      Clock clock) {
    this.semester = semester;
    this.audit = audit;
    this.incidents = incidents;
    this.properties = properties;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  @GetMapping("/console/reports")
  String page(
      @AuthenticationPrincipal StaffPrincipal staff,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Model model) {
    LocalDate today = LocalDate.now(clock);
    LocalDate first = from == null ? today.minusMonths(4).withDayOfMonth(1) : from;
    LocalDate last = to == null ? today : to;
    model.addAttribute("staff", staff);
    model.addAttribute("from", first);
    model.addAttribute("to", last);
    model.addAttribute("year", today.getYear() - (today.getMonthValue() < 3 ? 1 : 0));
    if (last.isBefore(first)) {
      model.addAttribute("error", "结束日期不能早于开始日期。");
      return "console/reports/index";
    }
    model.addAttribute("report", semester.build(period(first, last), clock));
    return "console/reports/index";
  }

  @GetMapping("/console/reports/semester.pdf")
  ResponseEntity<byte[]> semesterPdf(
      @AuthenticationPrincipal StaffPrincipal staff,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
      throws IOException {
    Report report = semester.build(period(from, to), clock);
    return pdf(staff, report, "semester-" + from + "-" + to + ".pdf");
  }

  @GetMapping("/console/reports/semester.csv")
  ResponseEntity<byte[]> semesterCsv(
      @AuthenticationPrincipal StaffPrincipal staff,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
      throws IOException {
    Report report = semester.build(period(from, to), clock);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportCsv.write(report, new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
    String name = "semester-" + from + "-" + to + ".csv";
    exported(staff, name);
    return download(
        bytes.toByteArray(), name, new MediaType("text", "csv", StandardCharsets.UTF_8));
  }

  @GetMapping("/console/reports/audit")
  String auditPage(
      @AuthenticationPrincipal StaffPrincipal staff, @RequestParam int year, Model model) {
    model.addAttribute("staff", staff);
    model.addAttribute("year", year);
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("report", audit.build(checked(year), clock.getZone(), clock));
    return "console/reports/audit";
  }

  @GetMapping("/console/reports/audit.pdf")
  ResponseEntity<byte[]> auditPdf(
      @AuthenticationPrincipal StaffPrincipal staff, @RequestParam int year) throws IOException {
    return pdf(staff, audit.build(checked(year), clock.getZone(), clock), "audit-" + year + ".pdf");
  }

  @PostMapping("/console/reports/incidents")
  @Transactional
  String addIncident(
      @AuthenticationPrincipal StaffPrincipal staff,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
      @RequestParam String what,
      @RequestParam String done,
      RedirectAttributes redirect) {
    if (what.isBlank()
        || done.isBlank()
        || what.length() > Incidents.MAX_TEXT
        || done.length() > Incidents.MAX_TEXT
        || occurredOn.isAfter(LocalDate.now(clock))) {
      redirect.addFlashAttribute("message", "请填写日期（不晚于今天）、经过和处理，每项不超过2000字。");
    } else {
      long id =
          incidents.add(occurredOn, what.strip(), done.strip(), staff.personId(), clock.instant());
      auditLog.append("p" + staff.personId(), "incident-recorded", "incident", "" + id, null);
      redirect.addFlashAttribute("message", "已记录。");
    }
    return "redirect:/console/reports/audit?year=" + occurredOn.getYear();
  }

  private ReportPeriod period(LocalDate from, LocalDate to) {
    if (to.isBefore(from) || from.plusYears(2).isBefore(to)) {
      throw new org.springframework.web.server.ResponseStatusException(
          org.springframework.http.HttpStatus.BAD_REQUEST, "报告期间无效（最长两年）");
    }
    return new ReportPeriod(from, to, clock.getZone());
  }

  private static int checked(int year) {
    if (year < 2000 || year > 9999) {
      throw new org.springframework.web.server.ResponseStatusException(
          org.springframework.http.HttpStatus.BAD_REQUEST, "年份无效");
    }
    return year;
  }

  private ResponseEntity<byte[]> pdf(StaffPrincipal staff, Report report, String name)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ReportPdf(ReportFont.locate(properties.font())).write(report, bytes);
    exported(staff, name);
    return download(bytes.toByteArray(), name, MediaType.APPLICATION_PDF);
  }

  private void exported(StaffPrincipal staff, String name) {
    auditLog.append("p" + staff.personId(), "report-exported", "report", name, null);
  }

  private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }
}
