package org.xinqiao.report;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Counseling appointments starting in the period, by kind and what became of them. */
final class AppointmentSection implements ReportSection {

  private static final Map<String, String> KINDS =
      Map.of("SELF", "老师本人预约", "REFERRAL", "老师转介学生", "PARENT", "家长预约");
  private static final List<String> STATUSES =
      List.of("BOOKED", "ATTENDED", "NO_SHOW", "CANCELLED", "RESCHEDULED");

  private final JdbcClient jdbc;

  AppointmentSection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String title() {
    return "心理咨询预约";
  }

  @Override
  public List<Table> tables(ReportPeriod period) {
    List<Table.Row> rows = new ArrayList<>();
    long[] totals = new long[STATUSES.size() + 1];
    for (String kind : List.of("SELF", "REFERRAL", "PARENT")) {
      List<Table.Value> values = new ArrayList<>();
      long all = 0;
      for (int s = 0; s < STATUSES.size(); s++) {
        long n =
            jdbc.sql(
                    "select count(*) from appointment where kind = ? and status = ?"
                        + " and starts_at >= ? and starts_at < ?")
                .params(
                    kind,
                    STATUSES.get(s),
                    Timestamp.from(period.start()),
                    Timestamp.from(period.end()))
                .query(Long.class)
                .single();
        values.add(Table.count(n));
        totals[s + 1] += n;
        all += n;
      }
      totals[0] += all;
      values.add(0, Table.count(all));
      rows.add(new Table.Row(KINDS.get(kind), values));
    }
    List<Table.Value> total = new ArrayList<>();
    for (long t : totals) {
      total.add(Table.count(t));
    }
    rows.add(new Table.Row("合计", total));
    return List.of(
        new Table(
            "按类型与结果", List.of("类型", "预约总数", "待进行", "已到访", "未到", "已取消", "已改期"), rows, true, true));
  }
}
