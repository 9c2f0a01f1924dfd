package org.xinqiao.casework;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.conversation.Texts;
import org.xinqiao.escalation.StaffPager;
import org.xinqiao.store.AuditLog;

/**
 * A case's follow-up plan: each step has a due time, and a durable db-scheduler task (stored with
 * the step, run once across instances) reminds the assigned counselors through the page channels.
 * The reminder names the case number only, never the label or a note.
 */
@Service
class CasePlan {

  private static final Logger log = LoggerFactory.getLogger(CasePlan.class);

  private final Cases cases;
  private final CaseRepository files;
  private final CaseEntryRepository entries;
  private final SchedulerClient scheduler;
  private final StaffPager pager;
  private final Texts texts;
  private final AuditLog audit;
  private final Clock clock;

  CasePlan(
      Cases cases,
      CaseRepository files,
      CaseEntryRepository entries,
      SchedulerClient scheduler,
      StaffPager pager,
      Texts texts,
      AuditLog audit,
      Clock clock) {
    this.cases = cases;
    this.files = files;
    this.entries = entries;
    this.scheduler = scheduler;
    this.pager = pager;
    this.texts = texts;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Optional<String> plan(long caseId, StaffPrincipal staff, Instant dueAt, String what) {
    String step = what == null ? "" : what.strip();
    if (step.isEmpty() || step.length() > 200) {
      return Optional.of("跟进计划请写明要做什么（不超过200字）。");
    }
    if (dueAt == null || dueAt.isBefore(clock.instant())) {
      return Optional.of("请选择一个以后的跟进时间。");
    }
    return cases.change(
        caseId,
        staff,
        "case.followup-planned",
        c -> {
          long id = entries.addFollowup(caseId, dueAt, step, staff.personId(), clock.instant());
          FollowupDue due = new FollowupDue(caseId, id);
          scheduler.scheduleIfNotExists(
              new TaskInstance<>(CaseworkTasks.REMINDER, due.instanceId(), due), dueAt);
          return null;
        },
        "due=" + dueAt);
  }

  @Transactional
  public Optional<String> done(long caseId, long followupId, StaffPrincipal staff) {
    return cases.change(
        caseId,
        staff,
        "case.followup-done",
        c -> entries.markDone(caseId, followupId, clock.instant()) ? null : "这一项已经完成。",
        "followup=" + followupId);
  }

  /** The task: remind each assignee unless the step is done or the case closed. */
  void remind(FollowupDue due) throws Exception {
    Optional<CaseFile> file = files.find(due.caseId());
    Optional<CaseEntries.Followup> step = entries.followup(due.caseId(), due.followupId());
    if (file.isEmpty() || file.get().closed() || step.isEmpty() || step.get().done()) {
      return;
    }
    String text = texts.format("case-followup-reminder", Map.of("id", due.caseId()));
    Exception failed = null;
    int sent = 0;
    for (long counselor : file.get().assignees()) {
      try {
        pager.page(counselor, text);
        sent++;
      } catch (Exception e) {
        log.warn("follow-up reminder for case {} to p{} failed", due.caseId(), counselor);
        failed = e;
      }
    }
    if (sent == 0 && failed != null) {
      throw failed; // retried with back-off; a partial success is not repeated to the others
    }
    entries.markReminded(due.followupId(), clock.instant());
    audit.append(
        "system",
        "case.followup-reminded",
        "case",
        Long.toString(due.caseId()),
        "followup=" + due.followupId() + " sent=" + sent);
  }
}
