package org.xinqiao.casework;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.escalation.Escalation;
import org.xinqiao.escalation.Escalations;
import org.xinqiao.escalation.MandatoryReports;
import org.xinqiao.people.People;
import org.xinqiao.people.Role;
import org.xinqiao.store.AuditLog;

/**
 * Opening, reading and changing cases. Every method takes the member of staff acting and goes
 * through {@link CaseAccess}; each change is audited (what changed, never the note's text). A
 * refusal comes back as the plain sentence to show.
 */
@Service
class Cases {

  private final CaseRepository cases;
  private final CaseEntryRepository entries;
  private final CaseAccess access;
  private final Escalations escalations;
  private final MandatoryReports reports;
  private final CaseCheckins checkins;
  private final People people;
  private final AuditLog audit;
  private final Clock clock;

  Cases(
      CaseRepository cases,
      CaseEntryRepository entries,
      CaseAccess access,
      Escalations escalations,
      MandatoryReports reports,
      CaseCheckins checkins,
      People people,
      AuditLog audit,
      Clock clock) {
    this.checkins = checkins;
    this.cases = cases;
    this.entries = entries;
    this.access = access;
    this.escalations = escalations;
    this.reports = reports;
    this.people = people;
    this.audit = audit;
    this.clock = clock;
  }

  /** A new case or why not. */
  record Opened(Long id, String problem) {}

  /** Opens a case, linked to what it was opened from ({@code ref}, none for MANUAL). */
  @Transactional
  public Opened open(StaffPrincipal staff, String rawLabel, LinkKind via, Long ref) {
    Optional<String> label = CaseLabel.of(rawLabel);
    if (label.isEmpty()) {
      return new Opened(null, "个案名称请写班级和姓名首字母，例如“三(2)班 ZX”，不要写全名。");
    }
    if (via == LinkKind.CHECKIN || (via != LinkKind.MANUAL && ref == null)) {
      return new Opened(null, "没有找到要关联的记录。");
    }
    Long subject = null;
    if (via == LinkKind.ESCALATION) {
      Optional<Escalation> e = escalations.find(ref);
      if (e.isEmpty()) {
        return new Opened(null, "没有这条提醒。");
      }
      subject = e.get().personId();
    }
    long id =
        cases.insert(
            label.get(), via, subject, staff.personId(), staff.displayName(), clock.instant());
    if (via != LinkKind.MANUAL) {
      entries.link(id, via, ref, staff.personId(), clock.instant());
    }
    audit.append(
        CaseAccess.actor(staff),
        "case.opened",
        "case",
        Long.toString(id),
        "via=" + via + (ref == null ? "" : " ref=" + ref));
    return new Opened(id, null);
  }

  /** The cases {@code staff} may see: all for a lead counselor, else their own. */
  List<CaseFile> visibleTo(StaffPrincipal staff) {
    return cases.list(staff.role() == Role.LEAD_COUNSELOR ? null : staff.personId());
  }

  /** What the case page shows. */
  record Details(
      CaseFile file,
      List<CaseEntries.Note> notes,
      List<CaseEntries.Link> links,
      List<CaseEntries.Followup> plan,
      CaseCheckins.Shown checkins) {}

  Optional<Details> view(long id, StaffPrincipal staff) {
    return access.view(id, staff).map(c -> details(c, staff));
  }

  private Details details(CaseFile c, StaffPrincipal staff) {
    List<CaseEntries.Link> links = entries.links(c.id());
    return new Details(
        c, entries.notes(c.id()), links, entries.followups(c.id()), checkins.show(c, links, staff));
  }

  @Transactional
  public Optional<String> addNote(long id, StaffPrincipal staff, String body) {
    String text = body == null ? "" : body.strip();
    if (text.isEmpty() || text.length() > 4000) {
      return Optional.of("记录不能为空，且不超过4000字。");
    }
    return change(
        id,
        staff,
        "case.note-added",
        c -> {
          entries.addNote(id, staff.personId(), staff.displayName(), text, clock.instant());
          return null;
        });
  }

  @Transactional
  public Optional<String> assign(long id, StaffPrincipal staff, long counselorId) {
    boolean counselor = people.find(counselorId).map(p -> p.role().counsels()).orElse(false);
    if (!counselor) {
      return Optional.of("只能把个案分配给心理老师。");
    }
    return change(
        id,
        staff,
        "case.assigned",
        c -> {
          cases.assign(id, counselorId);
          return null;
        },
        "to=p" + counselorId);
  }

  @Transactional
  public Optional<String> link(long id, StaffPrincipal staff, LinkKind kind, long ref) {
    if (kind == LinkKind.MANUAL) {
      return Optional.of("这种记录不能关联。");
    }
    if (kind == LinkKind.ESCALATION && escalations.find(ref).isEmpty()) {
      return Optional.of("没有这条提醒。");
    }
    if (kind == LinkKind.CHECKIN && !checkins.mayLink(ref)) {
      return Optional.of("没有这份分享的自评结果：只能关联本人选择“分享”给心理老师的结果。");
    }
    return change(
        id,
        staff,
        "case.linked",
        c -> {
          entries.link(id, kind, ref, staff.personId(), clock.instant());
          return null;
        },
        kind + "=" + ref);
  }

  @Transactional
  public Optional<String> setStatus(long id, StaffPrincipal staff, CaseStatus status) {
    if (status == CaseStatus.CLOSED) {
      return Optional.of("结案请填写结案结果。");
    }
    return change(
        id,
        staff,
        "case.status",
        c -> cases.setStatus(id, status) ? null : "个案已经结案。",
        "to=" + status);
  }

  /** Closing needs an outcome, and the report decision of every linked possible abuse case. */
  @Transactional
  public Optional<String> close(
      long id, StaffPrincipal staff, CaseOutcome outcome, String closingNote) {
    if (outcome == null) {
      return Optional.of("结案前请选择结案结果。");
    }
    String note = closingNote == null ? null : closingNote.strip();
    if (note != null && note.length() > 2000) {
      return Optional.of("结案说明不超过2000字。");
    }
    return change(
        id,
        staff,
        "case.closed",
        c -> {
          boolean undecided =
              entries.links(id).stream()
                  .filter(l -> l.kind() == LinkKind.ESCALATION)
                  .anyMatch(l -> !reports.mayClose(l.refId()));
          if (undecided) {
            return "还不能结案：关联的危机提醒可能涉及强制报告，报告决定尚未记录。";
          }
          return cases.close(id, staff.displayName(), outcome, note, clock.instant())
              ? null
              : "个案已经结案。";
        },
        "outcome=" + outcome);
  }

  /** A change, applied to a case the person may see and that is still open. */
  Optional<String> change(long id, StaffPrincipal staff, String action, Change change) {
    return change(id, staff, action, change, null);
  }

  Optional<String> change(
      long id, StaffPrincipal staff, String action, Change change, String detail) {
    Optional<CaseFile> c = access.forChange(id, staff, action);
    if (c.isEmpty()) {
      return Optional.of("没有这个个案，或你没有查看它的权限。");
    }
    if (c.get().closed()) {
      return Optional.of("个案已经结案，不能再修改。");
    }
    String refused = change.apply(c.get());
    if (refused != null) {
      return Optional.of(refused);
    }
    audit.append(CaseAccess.actor(staff), action, "case", Long.toString(id), detail);
    return Optional.empty();
  }

  /** Applies a change; returns a refusal sentence, or null when done. */
  interface Change {
    String apply(CaseFile c);
  }
}
