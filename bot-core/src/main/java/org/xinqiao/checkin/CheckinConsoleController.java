package org.xinqiao.checkin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.store.AuditLog;

/**
 * Check-ins in the console: aggregates for counselors and admins (no cell under 5), and the results
 * people chose to share, for counselors only, each at its own address so casework can link to it.
 */
@Controller
class CheckinConsoleController {

  private final CheckinCatalog catalog;
  private final ResultRepository results;
  private final People people;
  private final AuditLog audit;
  private final CheckinProperties properties;
  private final Clock clock;

  CheckinConsoleController(
      CheckinCatalog catalog,
      ResultRepository results,
      People people,
      AuditLog audit,
      CheckinProperties properties,
      Clock clock) {
    this.catalog = catalog;
    this.results = results;
    this.people = people;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** One shared result as a counselor sees it: who (pseudonymously), what and each answer. */
  record Shared(
      long id,
      String person,
      String role,
      String title,
      String band,
      boolean worrying,
      java.time.Instant takenAt,
      java.time.Instant sharedAt,
      List<String> answers) {}

  @GetMapping("/console/checkins")
  @PreAuthorize("hasAnyRole('COUNSELOR', 'ADMIN')")
  String aggregates(
      @AuthenticationPrincipal StaffPrincipal staff,
      @RequestParam(name = "by", defaultValue = "week") String by,
      Model model) {
    Aggregates.Period period =
        "month".equals(by) ? Aggregates.Period.MONTH : Aggregates.Period.WEEK;
    int count =
        period == Aggregates.Period.WEEK ? properties.consoleWeeks() : properties.consoleMonths();
    LocalDate today = LocalDate.now(clock);
    LocalDate from = Aggregates.firstDay(period, today, count);
    List<Result> rows = results.completeSince(from.atStartOfDay(clock.getZone()).toInstant());
    model.addAttribute("staff", staff);
    model.addAttribute("by", period.name().toLowerCase(java.util.Locale.ROOT));
    model.addAttribute(
        "tables", Aggregates.tables(catalog.all(), rows, period, today, count, clock.getZone()));
    model.addAttribute("minCell", Aggregates.MIN_CELL);
    return "console/checkins/aggregates";
  }

  @GetMapping("/console/checkins/shared")
  @PreAuthorize("hasRole('COUNSELOR')")
  String shared(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
    List<Shared> shared = results.shared(200).stream().map(this::view).toList();
    // shared results are personal health data: who looked is recorded, as for escalations
    audit.append(
        "counselor:" + staff.personId(),
        "checkin.shared.listed",
        "checkin_result",
        "*",
        "results=" + shared.size());
    model.addAttribute("staff", staff);
    model.addAttribute("shared", shared);
    return "console/checkins/shared";
  }

  @GetMapping("/console/checkins/shared/{id}")
  @PreAuthorize("hasRole('COUNSELOR')")
  String sharedOne(
      @AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id, Model model) {
    Result r =
        results
            .find(id)
            .filter(found -> found.sharedAt() != null)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    audit.append(
        "counselor:" + staff.personId(), "checkin.shared.viewed", "checkin_result", "" + id, "");
    model.addAttribute("staff", staff);
    model.addAttribute("shared", List.of(view(r)));
    return "console/checkins/shared";
  }

  private Shared view(Result r) {
    Checkin c = catalog.find(r.checkinId()).orElse(null);
    List<String> answers = new ArrayList<>();
    if (c != null) {
      for (int i = 0; i < c.items().size() && i < r.answers().size(); i++) {
        Checkin.Item item = c.items().get(i);
        int a = r.answers().get(i);
        String chosen =
            a >= 0 && a < item.options().size() ? item.options().get(a).text() : "（文字回答，未保存）";
        answers.add(item.text() + " —— " + chosen);
      }
    }
    String role = people.find(r.personId()).map(Person::role).map(x -> x.label()).orElse("");
    return new Shared(
        r.id(),
        "p" + r.personId(),
        role,
        c == null ? r.checkinId() : c.title(),
        r.bandLabel(),
        r.worrying(),
        r.takenAt(),
        r.sharedAt(),
        answers);
  }
}
