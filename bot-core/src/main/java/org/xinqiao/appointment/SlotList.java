package org.xinqiao.appointment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Picks which free slots a list shows, and writes them as numbered choices grouped by day. */
@Component
class SlotList {

  private final AppointmentProperties properties;
  private final ScheduleRepository schedule;

  SlotList(AppointmentProperties properties, ScheduleRepository schedule) {
    this.properties = properties;
    this.schedule = schedule;
  }

  /** Slots matching the phrase (all when null). */
  List<Slot> matching(List<Slot> free, DayPhrase phrase) {
    if (phrase == null) {
      return free;
    }
    return free.stream()
        .filter(
            s ->
                (phrase.from() == null
                        || (!s.day().isBefore(phrase.from()) && !s.day().isAfter(phrase.to())))
                    && phrase.part().contains(s.start().atZone(SchoolTime.ZONE).toLocalTime()))
        .toList();
  }

  /** The first choices, a few per day so that several days show, unless one day was asked for. */
  List<Slot> choose(List<Slot> slots, boolean oneDay) {
    int perDay = oneDay ? properties.choices() : properties.choicesPerDay();
    Map<LocalDate, Integer> count = new HashMap<>();
    List<Slot> chosen = new ArrayList<>();
    for (Slot s : slots) {
      if (chosen.size() >= properties.choices()) {
        break;
      }
      if (count.merge(s.day(), 1, Integer::sum) <= perDay) {
        chosen.add(s);
      }
    }
    return chosen;
  }

  /** "11月30日 周一\n 1. 15:00-15:45 王老师\n..." */
  String render(List<Slot> chosen) {
    Map<Long, Counselor> counselors = new HashMap<>();
    schedule.counselors().forEach(c -> counselors.put(c.personId(), c));
    boolean names = chosen.stream().map(Slot::counselorId).distinct().count() > 1;
    Map<LocalDate, List<Integer>> byDay = new LinkedHashMap<>();
    for (int i = 0; i < chosen.size(); i++) {
      byDay.computeIfAbsent(chosen.get(i).day(), d -> new ArrayList<>()).add(i);
    }
    StringBuilder out = new StringBuilder();
    byDay.forEach(
        (day, indexes) -> {
          out.append(SchoolTime.day(day)).append('\n');
          for (int i : indexes) {
            Slot s = chosen.get(i);
            out.append("  ")
                .append(i + 1)
                .append(". ")
                .append(SchoolTime.hours(s.start(), s.end()));
            Counselor c = counselors.get(s.counselorId());
            if (names && c != null) {
              out.append(' ').append(c.name());
            }
            out.append('\n');
          }
        });
    return out.toString().stripTrailing();
  }
}
