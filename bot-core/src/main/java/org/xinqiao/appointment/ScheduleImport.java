package org.xinqiao.appointment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The start-of-term schedule file (YAML; the example is on the console page {@code
 * templates/console/appointments/schedule.html}): terms and holidays, and per counselor the place,
 * session length, buffer, daily maximum, weekly hours and date overrides. Importing is all or
 * nothing. The school calendar is replaced; each counselor named in the file gets exactly the hours
 * and overrides the file gives them.
 */
@Service
class ScheduleImport {

  /** What an import changed, for the console's confirmation. */
  record Result(int counselors, int terms, int holidays, int overrides) {}

  /** A file that cannot be imported; the message says where and why, in Chinese. */
  static class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private final ScheduleRepository schedule;
  private final People people;
  private final AppointmentProperties defaults;

  ScheduleImport(ScheduleRepository schedule, People people, AppointmentProperties defaults) {
    this.schedule = schedule;
    this.people = people;
    this.defaults = defaults;
  }

  /** An import with every right: the school calendar and any counselor's hours (an admin). */
  @Transactional
  Result apply(String yamlText) {
    return apply(yamlText, null);
  }

  /**
   * An import by {@code onlyCounselorId} when not null: a counselor may set only their own hours,
   * never a colleague's nor the school calendar (terms and holidays), which are the admins'.
   */
  @Transactional
  Result apply(String yamlText, Long onlyCounselorId) {
    Map<String, Object> root = parse(yamlText);
    if (onlyCounselorId != null && (root.get("terms") != null || root.get("holidays") != null)) {
      throw new Invalid("学期和假期由管理员导入；你的文件里只能写你自己的 counselors 一项。");
    }
    List<ScheduleRepository.Period> calendar = new ArrayList<>();
    int terms = periods(root.get("terms"), "TERM", calendar);
    int holidays = periods(root.get("holidays"), "HOLIDAY", calendar);
    if (onlyCounselorId == null) {
      schedule.replaceCalendar(calendar);
    }
    int overrides = 0;
    List<Map<String, Object>> counselors = maps(root.get("counselors"), "counselors");
    for (Map<String, Object> c : counselors) {
      overrides += counselor(c, onlyCounselorId);
    }
    return new Result(counselors.size(), terms, holidays, overrides);
  }

  private int counselor(Map<String, Object> c, Long onlyCounselorId) {
    Person person = findCounselor(c);
    if (onlyCounselorId != null && person.id() != onlyCounselorId) {
      throw new Invalid("你只能修改自己的排班；" + person.displayName() + " 的排班请由本人或管理员导入。");
    }
    String where = "心理老师 " + person.displayName() + "：";
    Counselor settings =
        new Counselor(
            person.id(),
            person.displayName(),
            text(c.getOrDefault("place", defaults.place()), where + "place"),
            minutes(c.getOrDefault("session-minutes", defaults.sessionMinutes()), 10, 240, where),
            minutes(c.getOrDefault("buffer-minutes", defaults.bufferMinutes()), 0, 120, where),
            number(c.getOrDefault("daily-max", defaults.dailyMax()), 1, 30, where + "daily-max"),
            !Boolean.FALSE.equals(c.get("active")));
    schedule.upsertCounselor(settings);
    List<ScheduleRepository.DayWindow> weekly = new ArrayList<>();
    Object hours = c.get("hours");
    if (hours instanceof Map<?, ?> byDay) {
      for (Map.Entry<?, ?> e : byDay.entrySet()) {
        DayOfWeek day = weekday(String.valueOf(e.getKey()), where);
        for (Object w : list(e.getValue(), where + "hours")) {
          weekly.add(new ScheduleRepository.DayWindow(day, window(w, where + "hours")));
        }
      }
    } else if (hours != null) {
      throw new Invalid(where + "hours 应该按星期写，例如 MON: [\"08:30-11:30\"]");
    }
    schedule.replaceWeekly(person.id(), weekly);
    schedule.deleteOverrides(person.id());
    int count = 0;
    for (Map<String, Object> o : maps(c.get("overrides"), where + "overrides")) {
      LocalDate day = date(o.get("date"), where + "overrides.date");
      String note = o.get("note") == null ? null : String.valueOf(o.get("note"));
      List<ScheduleRepository.Override> rows = new ArrayList<>();
      if (Boolean.TRUE.equals(o.get("off")) || o.get("hours") == null) {
        rows.add(new ScheduleRepository.Override(person.id(), day, null, note));
      } else {
        for (Object w : list(o.get("hours"), where + "overrides.hours")) {
          rows.add(new ScheduleRepository.Override(person.id(), day, window(w, where), note));
        }
      }
      schedule.replaceOverrides(person.id(), day, rows);
      count++;
    }
    return count;
  }

  private Person findCounselor(Map<String, Object> c) {
    Object id = c.get("person-id");
    Object name = c.get("name");
    List<Person> counselors = people.withRole(Role.COUNSELOR);
    List<Person> found =
        counselors.stream()
            .filter(
                p ->
                    id != null
                        ? String.valueOf(p.id()).equals(String.valueOf(id))
                        : name != null && String.valueOf(name).equals(p.displayName()))
            .toList();
    if (found.size() != 1) {
      throw new Invalid(
          "找不到心理老师 "
              + (id != null ? "person-id " + id : name)
              + "（需要先用邀请码绑定为心理老师；同名时请写 person-id）");
    }
    return found.get(0);
  }

  private static int periods(Object value, String kind, List<ScheduleRepository.Period> out) {
    String where = kind.equals("TERM") ? "terms" : "holidays";
    List<Map<String, Object>> items = maps(value, where);
    for (Map<String, Object> p : items) {
      LocalDate from = date(p.get("from"), where + ".from");
      LocalDate to = date(p.get("to"), where + ".to");
      if (to.isBefore(from)) {
        throw new Invalid(where + "：结束日期早于开始日期（" + from + " ~ " + to + "）");
      }
      out.add(
          new ScheduleRepository.Period(
              kind, text(p.getOrDefault("name", where), where), from, to));
    }
    return items.size();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String yamlText) {
    try {
      Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
      if (!(root instanceof Map)) {
        throw new Invalid("文件内容不是预期的格式（需要 terms / holidays / counselors）");
      }
      return (Map<String, Object>) root;
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new Invalid("YAML 格式有误：" + firstLine(e.getMessage()));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value, String where) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : list(value, where)) {
      if (!(o instanceof Map)) {
        throw new Invalid(where + "：每一项都应该是带字段的条目");
      }
      out.add((Map<String, Object>) o);
    }
    return out;
  }

  private static List<?> list(Object value, String where) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    if (value instanceof String) {
      return List.of(value);
    }
    throw new Invalid(where + "：应该是一个列表");
  }

  private static ScheduleRepository.Window window(Object value, String where) {
    String s = String.valueOf(value).strip();
    String[] parts = s.split("\\s*[-~–]\\s*");
    try {
      LocalTime from = LocalTime.parse(pad(parts[0]));
      LocalTime to = LocalTime.parse(pad(parts[1]));
      if (!from.isBefore(to)) {
        throw new Invalid(where + "：时间段 " + s + " 的结束早于开始");
      }
      return new ScheduleRepository.Window(from, to);
    } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
      throw new Invalid(where + "：时间段 " + s + " 应写成 08:30-11:30");
    }
  }

  private static String pad(String t) {
    return t.length() == 4 ? "0" + t : t;
  }

  private static DayOfWeek weekday(String key, String where) {
    String k = key.strip().toUpperCase(Locale.ROOT);
    List<String> en = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    List<String> zh = List.of("周一", "周二", "周三", "周四", "周五", "周六", "周日");
    int i = Math.max(en.indexOf(k.length() >= 3 ? k.substring(0, 3) : k), zh.indexOf(key.strip()));
    if (i < 0) {
      throw new Invalid(where + "hours 里的 " + key + " 不是星期（MON..SUN 或 周一..周日）");
    }
    return DayOfWeek.of(i + 1);
  }

  private static LocalDate date(Object value, String where) {
    if (value instanceof Date d) {
      return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate(); // YAML dates are UTC
    }
    try {
      return LocalDate.parse(String.valueOf(value).strip());
    } catch (DateTimeParseException e) {
      throw new Invalid(where + "：日期 " + value + " 应写成 2026-09-01");
    }
  }

  private static int minutes(Object value, int min, int max, String where) {
    int m = number(value, min, max, where + "分钟数");
    if (m % 5 != 0) {
      throw new Invalid(where + "分钟数 " + m + " 应该是 5 的倍数");
    }
    return m;
  }

  private static int number(Object value, int min, int max, String where) {
    try {
      int n = Integer.parseInt(String.valueOf(value).strip());
      if (n < min || n > max) {
        throw new Invalid(where + "：" + n + " 不在 " + min + " 到 " + max + " 之间");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new Invalid(where + "：" + value + " 不是数字");
    }
  }

  private static String text(Object value, String where) {
    String s = String.valueOf(value).strip();
    if (s.isEmpty() || s.length() > 100) {
      throw new Invalid(where + "：文字为空或太长");
    }
    return s;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
