package org.xinqiao.report;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Article pushes sent in the period, by audience: how many, how many accounts WeChat reported them
 * sent to (reach), and how often the article pages were opened in the period (reads).
 */
final class PushSection implements ReportSection {

  private static final Map<String, String> AUDIENCES = Map.of("PARENT", "家长", "TEACHER", "老师");

  private final JdbcClient jdbc;

  PushSection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String title() {
    return "每周文章推送";
  }

  @Override
  public List<Table> tables(ReportPeriod period) {
    Timestamp start = Timestamp.from(period.start());
    Timestamp end = Timestamp.from(period.end());
    List<Table.Row> rows = new ArrayList<>();
    long[] totals = new long[3];
    for (String audience : List.of("PARENT", "TEACHER")) {
      long[] v =
          jdbc.sql(
                  "select count(*), coalesce(sum(sent_count), 0),"
                      + " (select count(*) from article_view v where v.viewed_at >= ?"
                      + " and v.viewed_at < ? and v.article_id in (select r2.article_id from"
                      + " push_run r2 where r2.audience = ? and r2.status in ('SENT','FINISHED')"
                      + " and r2.sent_at >= ? and r2.sent_at < ?))"
                      + " from push_run where audience = ? and status in ('SENT','FINISHED')"
                      + " and sent_at >= ? and sent_at < ?")
              .params(start, end, audience, start, end, audience, start, end)
              .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
              .single();
      for (int i = 0; i < 3; i++) {
        totals[i] += v[i];
      }
      rows.add(
          Table.Row.of(
              AUDIENCES.get(audience), Table.count(v[0]), Table.count(v[1]), Table.count(v[2])));
    }
    rows.add(
        Table.Row.of("合计", Table.count(totals[0]), Table.count(totals[1]), Table.count(totals[2])));
    return List.of(
        new Table("推送、送达与阅读", List.of("对象", "推送次数", "送达人数（微信统计）", "文章页打开次数"), rows, true, false));
  }
}
