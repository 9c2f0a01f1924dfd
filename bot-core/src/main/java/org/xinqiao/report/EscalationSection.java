package org.xinqiao.report;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.escalation.Categories;

/**
 * Escalations raised in the period: by urgency and by category, and how fast a counselor
 * acknowledged them (median, 90th percentile, share within the deadline the pager used).
 */
final class EscalationSection implements ReportSection {

  private final JdbcClient jdbc;
  private final AckDeadlines deadlines;

  EscalationSection(JdbcClient jdbc, AckDeadlines deadlines) {
    this.jdbc = jdbc;
    this.deadlines = deadlines;
  }

  private record Raised(String urgency, String categories, Instant at, Instant acknowledged) {}

  @Override
  public String title() {
    return "安全转介";
  }

  @Override
  public List<Table> tables(ReportPeriod period) {
    List<Raised> raised =
        jdbc.sql(
                "select urgency, categories, created_at, acknowledged_at from escalation"
                    + " where created_at >= ? and created_at < ?")
            .params(Timestamp.from(period.start()), Timestamp.from(period.end()))
            .query(
                (rs, i) ->
                    new Raised(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
            .list();
    List<Table.Row> levels = new ArrayList<>();
    for (String urgency : List.of("IMMINENT", "HIGH")) {
      levels.add(acknowledgement(label(urgency), raised, urgency));
    }
    levels.add(acknowledgement("合计", raised, null));
    Table byLevel =
        new Table(
            "按紧急程度",
            List.of("紧急程度", "转介数", "已确认", "确认用时中位数", "确认用时90分位", "时限内确认比例"),
            levels,
            true,
            true);
    Map<String, Long> byCategory = new TreeMap<>();
    for (Raised r : raised) {
      for (String code : r.categories().split(",")) {
        if (!code.isBlank()) {
          byCategory.merge(Categories.label(code.trim()), 1L, Long::sum);
        }
      }
    }
    List<Table.Row> categories = new ArrayList<>();
    byCategory.forEach((label, n) -> categories.add(Table.Row.of(label, Table.count(n))));
    Table byCat = new Table("按类别（一次转介可属多个类别）", List.of("类别", "转介数"), categories, false, true);
    return List.of(byLevel, byCat);
  }

  private Table.Row acknowledgement(String label, List<Raised> raised, String urgency) {
    List<Raised> these =
        raised.stream().filter(r -> urgency == null || r.urgency().equals(urgency)).toList();
    List<Long> seconds = new ArrayList<>();
    long inTime = 0;
    for (Raised r : these) {
      if (r.acknowledged() != null) {
        Duration took = Duration.between(r.at(), r.acknowledged());
        seconds.add(took.toSeconds());
        inTime += took.compareTo(deadlines.of(r.urgency())) <= 0 ? 1 : 0;
      }
    }
    seconds.sort(null);
    long acked = seconds.size();
    return Table.Row.of(
        label,
        Table.count(these.size()),
        Table.count(acked),
        Table.measure(acked == 0 ? "—" : minutes(Percent.percentile(seconds, 0.5)), acked),
        Table.measure(acked == 0 ? "—" : minutes(Percent.percentile(seconds, 0.9)), acked),
        Table.measure(Percent.of(inTime, these.size()), these.size()));
  }

  private static String minutes(long seconds) {
    return seconds < 120 ? seconds + " 秒" : (seconds / 60) + " 分钟";
  }

  private static String label(String urgency) {
    return "IMMINENT".equals(urgency) ? "紧急" : "高";
  }
}
