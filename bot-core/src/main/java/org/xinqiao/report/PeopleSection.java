package org.xinqiao.report;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.people.Role;

/** People registered at the end of the period, and those who joined during it, by role. */
final class PeopleSection implements ReportSection {

  private final JdbcClient jdbc;

  PeopleSection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String title() {
    return "使用人数";
  }

  @Override
  public List<Table> tables(ReportPeriod period) {
    List<Table.Row> rows = new ArrayList<>();
    long held = 0;
    long joined = 0;
    for (Role role : Role.values()) {
      long h = count(role, "created_at < ?", Timestamp.from(period.end()), null);
      long j =
          count(
              role,
              "created_at >= ? and created_at < ?",
              Timestamp.from(period.start()),
              Timestamp.from(period.end()));
      held += h;
      joined += j;
      rows.add(Table.Row.of(role.label(), Table.count(h), Table.count(j)));
    }
    rows.add(Table.Row.of("合计", Table.count(held), Table.count(joined)));
    return List.of(new Table("按身份统计", List.of("身份", "期末在册", "期间新加入"), rows, true, true));
  }

  private long count(Role role, String when, Timestamp a, Timestamp b) {
    var sql = jdbc.sql("select count(*) from person where role = ? and " + when).param(role.name());
    sql = sql.param(a);
    if (b != null) {
      sql = sql.param(b);
    }
    return sql.query(Long.class).single();
  }
}
