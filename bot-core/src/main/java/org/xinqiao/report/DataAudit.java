package org.xinqiao.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The yearly minors'-data audit: what personal data is held, what retention deleted, deletion
 * requests served, staff access (from the audit log), escalations and mandatory reports, staff
 * roles revoked, and the incident log. The same disclosure rule as every report applies.
 */
public final class DataAudit {

  /** Tables holding personal data, by what they hold; a feature adding such a table adds it. */
  static final Map<String, String> PERSONAL_DATA = new LinkedHashMap<>();

  static {
    PERSONAL_DATA.put("person", "人员档案（微信标识、身份、称呼）");
    PERSONAL_DATA.put("message", "对话消息");
    PERSONAL_DATA.put("kb_gap", "未能回答的问题（已去掉数字）");
    PERSONAL_DATA.put("escalation", "安全转介");
    PERSONAL_DATA.put("escalation_transcript", "转介时保存的对话");
    PERSONAL_DATA.put("handoff_reply", "心理老师的人工回复");
    PERSONAL_DATA.put("appointment", "咨询预约");
    PERSONAL_DATA.put("checkin_result", "心情自评结果（所选选项编号）");
    PERSONAL_DATA.put("event_signup", "活动报名与签到");
    PERSONAL_DATA.put("casework_case", "个案（化名标签、状态、结案结果）");
    PERSONAL_DATA.put("case_note", "个案记录");
    PERSONAL_DATA.put("case_link", "个案关联（转介、预约、自评结果）");
    PERSONAL_DATA.put("case_followup", "个案跟进计划");
    PERSONAL_DATA.put("case_assignee", "个案负责老师");
    PERSONAL_DATA.put("mandatory_report", "强制报告决定");
    PERSONAL_DATA.put("push_preference", "推送设置");
    PERSONAL_DATA.put("staff_invite", "员工邀请");
    PERSONAL_DATA.put("audit_log", "审计日志");
    PERSONAL_DATA.put("incident", "事件记录");
  }

  private final JdbcClient jdbc;
  private final Incidents incidents;

  public DataAudit(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.incidents = new Incidents(jdbc);
  }

  public Report build(int year, ZoneId zone, Clock clock) {
    ReportPeriod period = ReportPeriod.year(year, zone);
    Timestamp start = Timestamp.from(period.start());
    Timestamp end = Timestamp.from(period.end());
    List<Table.Row> held = new ArrayList<>();
    List<Table.Row> purged = new ArrayList<>();
    PERSONAL_DATA.forEach(
        (table, label) -> {
          long rows = jdbc.sql("select count(*) from " + table).query(Long.class).single();
          held.add(Table.Row.of(label, Table.count(rows)));
          long gone =
              jdbc.sql(
                      "select coalesce(sum(row_count), 0) from purge_log where table_name = ?"
                          + " and purged_at >= ? and purged_at < ?")
                  .params(table, start, end)
                  .query(Long.class)
                  .single();
          purged.add(Table.Row.of(label, Table.count(gone)));
        });
    List<Table.Row> requests =
        List.of(
            Table.Row.of("删除本人数据的请求（已执行）", Table.count(actions(start, end, "data-deleted"))),
            Table.Row.of("撤回同意", Table.count(actions(start, end, "consent-withdrawn"))),
            Table.Row.of("撤销员工身份", Table.count(actions(start, end, "role-revoked"))),
            Table.Row.of(
                "管理员从配置中移除后降级", Table.count(actions(start, end, "role-removed-from-config"))));
    List<Table.Row> access =
        jdbc.sql(
                "select actor, action, count(*) from audit_log where at >= ? and at < ?"
                    + " and actor like 'p%' group by actor, action order by actor, action")
            .params(start, end)
            .query(
                (rs, i) ->
                    Table.Row.of(
                        rs.getString(1) + " · " + rs.getString(2), Table.count(rs.getLong(3))))
            .list();
    long raised = escalations(start, end, "");
    long mandatory = escalations(start, end, " and mandatory_report = true");
    List<Table.Row> safety =
        List.of(
            Table.Row.of("安全转介", Table.count(raised)),
            Table.Row.of("其中涉及强制报告", Table.count(mandatory)),
            Table.Row.of("强制报告决定：已报告", Table.count(decisions(start, end, "REPORTED", false))),
            Table.Row.of(
                "强制报告决定：无需报告（已由第二人确认）", Table.count(decisions(start, end, "NOT_REQUIRED", true))),
            Table.Row.of(
                "强制报告决定：无需报告（待第二人确认）", Table.count(decisions(start, end, "NOT_REQUIRED", false))));
    List<Table.Row> incidentRows = new ArrayList<>();
    for (Incidents.Incident i : incidents.in(period)) {
      incidentRows.add(
          Table.Row.of(
              i.occurredOn().toString(), new Table.Text(i.what()), new Table.Text(i.done())));
    }
    List<Report.Section> sections =
        List.of(
            section("持有的个人数据", new Table("按类别（当前记录数）", List.of("类别", "记录数"), held, false, true)),
            section(
                "保留期限执行",
                new Table(year + "年按期删除的记录", List.of("类别", "删除记录数"), purged, false, false)),
            section("请求与身份变更", new Table(year + "年", List.of("事项", "次数"), requests, false, false)),
            section(
                "员工访问", new Table("按员工（化名）与操作", List.of("员工 · 操作", "次数"), access, false, false)),
            section("安全转介与强制报告", new Table(year + "年", List.of("事项", "数量"), safety, false, false)),
            section(
                "事件记录",
                new Table("数据安全事件", List.of("日期", "经过", "处理"), incidentRows, false, false)));
    return new Report("心桥 " + year + " 年度未成年人数据审计", period, clock.instant(), sections);
  }

  private long actions(Timestamp start, Timestamp end, String action) {
    return jdbc.sql("select count(*) from audit_log where action = ? and at >= ? and at < ?")
        .params(action, start, end)
        .query(Long.class)
        .single();
  }

  private long escalations(Timestamp start, Timestamp end, String extra) {
    return jdbc.sql(
            "select count(*) from escalation where created_at >= ? and created_at < ?" + extra)
        .params(start, end)
        .query(Long.class)
        .single();
  }

  /** Decisions recorded in the year; "not required" split by whether a second person confirmed. */
  private long decisions(Timestamp start, Timestamp end, String decision, boolean confirmed) {
    String confirmation =
        decision.equals("REPORTED")
            ? ""
            : confirmed ? " and confirmed_at is not null" : " and confirmed_at is null";
    return jdbc.sql(
            "select count(*) from mandatory_report where decision = ? and decided_at >= ?"
                + " and decided_at < ?"
                + confirmation)
        .params(decision, start, end)
        .query(Long.class)
        .single();
  }

  private static Report.Section section(String title, Table table) {
    return new Report.Section(title, List.of(Disclosure.apply(table)));
  }
}
