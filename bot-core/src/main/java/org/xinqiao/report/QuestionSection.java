package org.xinqiao.report;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Questions put to the knowledge base (table {@code question_stat}: one row per question, its
 * outcome and the topic answered, nobody's id): asked, answered, unanswered rate, top topics.
 */
final class QuestionSection implements ReportSection {

  private static final int TOP = 10;
  private static final Map<String, String> OUTCOMES =
      Map.of("ANSWER", "直接回答", "CHOOSE", "请提问人选择", "NONE", "未能回答");

  private final JdbcClient jdbc;

  QuestionSection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String title() {
    return "知识库问答";
  }

  @Override
  public List<Table> tables(ReportPeriod period) {
    Timestamp start = Timestamp.from(period.start());
    Timestamp end = Timestamp.from(period.end());
    List<Table.Row> outcomes = new ArrayList<>();
    long total = 0;
    long none = 0;
    for (String outcome : List.of("ANSWER", "CHOOSE", "NONE")) {
      long n =
          jdbc.sql(
                  "select count(*) from question_stat where outcome = ?"
                      + " and asked_at >= ? and asked_at < ?")
              .params(outcome, start, end)
              .query(Long.class)
              .single();
      total += n;
      none += outcome.equals("NONE") ? n : 0;
      outcomes.add(Table.Row.of(OUTCOMES.get(outcome), Table.count(n)));
    }
    outcomes.add(Table.Row.of("提问合计", Table.count(total)));
    Table asked = new Table("提问与回答", List.of("结果", "次数"), outcomes, true, true);
    Table rate =
        new Table(
            "未回答率",
            List.of("指标", "数值"),
            List.of(Table.Row.of("未能回答的比例", Table.measure(Percent.of(none, total), total))),
            false,
            false);
    List<Table.Row> topics =
        jdbc.sql(
                "select topic, count(*) from question_stat where topic is not null"
                    + " and asked_at >= ? and asked_at < ? group by topic"
                    + " order by count(*) desc, topic limit ?")
            .params(start, end, TOP)
            .query((rs, i) -> Table.Row.of(rs.getString(1), Table.count(rs.getLong(2))))
            .list();
    Table top = new Table("最常问的主题（前" + TOP + "）", List.of("主题", "次数"), topics, false, true);
    return List.of(asked, rate, top);
  }
}
