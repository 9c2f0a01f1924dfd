package org.xinqiao.event;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.validation.Errors;

/**
 * The console's event form, bound as text so that every bad value gets a clear Chinese message next
 * to its field instead of a conversion error. Times are school time (Asia/Shanghai), as the
 * browser's datetime-local input sends them.
 */
public class EventForm {

  static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private String title = "";
  private String kind = "";
  private String audience = "";
  private String startsAt = "";
  private String endsAt = "";
  private String place = "";
  private String capacity = "";
  private String signupDeadline = "";
  private boolean countsAsTraining;
  private boolean wholeStaff;

  static EventForm of(Event e) {
    EventForm f = new EventForm();
    f.title = e.title();
    f.kind = e.kind().name();
    f.audience = e.audience().name();
    f.startsAt = input(e.startsAt());
    f.endsAt = input(e.endsAt());
    f.place = e.place();
    f.capacity = Integer.toString(e.capacity());
    f.signupDeadline = input(e.signupDeadline());
    f.countsAsTraining = e.countsAsTraining();
    f.wholeStaff = e.wholeStaff();
    return f;
  }

  static String input(Instant at) {
    return INPUT.format(at.atZone(EventTime.ZONE));
  }

  /**
   * Checks every field; returns the draft when all are valid, null otherwise (the errors say why).
   *
   * @param counselor a counselor may only create group counseling
   * @param before the event as it is now when editing, or null when creating
   * @param seatsTaken seats already held (capacity may not go below them)
   */
  EventDraft validate(Errors errors, Instant now, boolean counselor, Event before, int seatsTaken) {
    String t = title.strip();
    if (t.isEmpty() || t.length() > 60) {
      errors.rejectValue("title", "title", "请填写标题（最多 60 个字）");
    }
    EventKind k = parse(EventKind.class, kind);
    if (k == null) {
      errors.rejectValue("kind", "kind", "请选择活动类型");
    } else if (counselor && k != EventKind.GROUP_COUNSELING) {
      errors.rejectValue("kind", "kind", "心理老师只能发布团体辅导");
    }
    EventAudience a = parse(EventAudience.class, audience);
    if (a == null) {
      errors.rejectValue("audience", "audience", "请选择对象");
    }
    Instant start = time(errors, "startsAt", startsAt, "开始时间");
    Instant end = time(errors, "endsAt", endsAt, "结束时间");
    Instant deadline =
        signupDeadline.isBlank() ? start : time(errors, "signupDeadline", signupDeadline, "报名截止");
    if (start != null
        && start.isBefore(now)
        && (before == null || !start.equals(before.startsAt()))) {
      errors.rejectValue("startsAt", "past", "开始时间已经过去了");
    }
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        errors.rejectValue("endsAt", "order", "结束时间要晚于开始时间");
      } else if (Duration.between(start, end).compareTo(Duration.ofDays(14)) > 0) {
        errors.rejectValue("endsAt", "long", "一个活动最长 14 天");
      }
    }
    if (start != null && deadline != null && deadline.isAfter(start)) {
      errors.rejectValue("signupDeadline", "late", "报名截止不能晚于开始时间");
    }
    String p = place.strip();
    if (p.isEmpty() || p.length() > 200) {
      errors.rejectValue("place", "place", "请填写地点或线上链接（最多 200 个字）");
    }
    Integer seats = number(capacity);
    if (seats == null || seats < 1 || seats > 5000) {
      errors.rejectValue("capacity", "capacity", "名额请填 1 到 5000 之间的数字");
    } else if (seats < seatsTaken) {
      errors.rejectValue("capacity", "capacity", "已有 " + seatsTaken + " 人报名，名额不能少于 " + seatsTaken);
    }
    if (wholeStaff && (!countsAsTraining || a == EventAudience.PARENTS)) {
      errors.rejectValue("wholeStaff", "wholeStaff", "全员培训必须是面向老师、计入培训的活动");
    }
    if (errors.hasErrors()) {
      return null;
    }
    return new EventDraft(t, k, a, start, end, p, seats, deadline, countsAsTraining, wholeStaff);
  }

  private static Instant time(Errors errors, String field, String value, String label) {
    if (value == null || value.isBlank()) {
      errors.rejectValue(field, "required", "请填写" + label);
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip(), INPUT).atZone(EventTime.ZONE).toInstant();
    } catch (DateTimeParseException e) {
      errors.rejectValue(field, "format", label + "的格式不对（例如 2026-12-03T15:00）");
      return null;
    }
  }

  private static Integer number(String value) {
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException | NullPointerException e) {
      return null;
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    try {
      return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title == null ? "" : title;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind == null ? "" : kind;
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = audience == null ? "" : audience;
  }

  public String getStartsAt() {
    return startsAt;
  }

  public void setStartsAt(String startsAt) {
    this.startsAt = startsAt == null ? "" : startsAt;
  }

  public String getEndsAt() {
    return endsAt;
  }

  public void setEndsAt(String endsAt) {
    this.endsAt = endsAt == null ? "" : endsAt;
  }

  public String getPlace() {
    return place;
  }

  public void setPlace(String place) {
    this.place = place == null ? "" : place;
  }

  public String getCapacity() {
    return capacity;
  }

  public void setCapacity(String capacity) {
    this.capacity = capacity == null ? "" : capacity;
  }

  public String getSignupDeadline() {
    return signupDeadline;
  }

  public void setSignupDeadline(String signupDeadline) {
    this.signupDeadline = signupDeadline == null ? "" : signupDeadline;
  }

  public boolean isCountsAsTraining() {
    return countsAsTraining;
  }

  public void setCountsAsTraining(boolean countsAsTraining) {
    this.countsAsTraining = countsAsTraining;
  }

  public boolean isWholeStaff() {
    return wholeStaff;
  }

  public void setWholeStaff(boolean wholeStaff) {
    this.wholeStaff = wholeStaff;
  }
}
