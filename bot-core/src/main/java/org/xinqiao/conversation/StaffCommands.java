package org.xinqiao.conversation;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.people.People;
import org.xinqiao.people.PeopleProperties;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/**
 * Staff enrolment in the chat: an admin sends "邀请 老师 李红" and gets a one-time code; the teacher
 * sends "绑定 12345678" from their own WeChat. Anyone saying "我是老师" is told how.
 */
@Component
@Order(30)
class StaffCommands implements ChatCommand {

  private static final Pattern BIND = Pattern.compile("^绑定\\s*(\\d{8})$");
  private static final Pattern INVITE =
      Pattern.compile("^邀请\\s*(心理组长|保护负责人|心理老师|老师|管理员)\\s+(\\S.{0,30})$");

  private final People people;
  private final PeopleProperties properties;
  private final Texts texts;

  StaffCommands(People people, PeopleProperties properties, Texts texts) {
    this.people = people;
    this.properties = properties;
    this.texts = texts;
  }

  @Override
  public boolean accepts(Turn turn) {
    String t = turn.text();
    return t.startsWith("绑定") || t.startsWith("邀请") || turn.says("我是老师", "我是心理老师", "我是教师");
  }

  @Override
  public OutboundReply handle(Turn turn) {
    String t = turn.text();
    Matcher bind = BIND.matcher(t);
    if (bind.matches()) {
      if (!people.mayRedeem(turn.person())) {
        return OutboundReply.text(texts.get("staff-code-wait"));
      }
      Optional<Person> bound = people.redeem(turn.person(), bind.group(1));
      return OutboundReply.text(
          bound
              .map(
                  p ->
                      texts.format(
                          "staff-bound", Map.of("name", p.displayName(), "role", p.role().label())))
              .orElseGet(() -> texts.get("staff-code-invalid")));
    }
    if (t.startsWith("邀请") && turn.person().role() == Role.ADMIN) {
      Matcher invite = INVITE.matcher(t);
      if (!invite.matches()) {
        return OutboundReply.text(texts.get("invite-usage"));
      }
      Role role =
          switch (invite.group(1)) {
            case "心理老师" -> Role.COUNSELOR;
            case "心理组长" -> Role.LEAD_COUNSELOR;
            case "保护负责人" -> Role.SAFEGUARDING;
            case "管理员" -> Role.ADMIN;
            default -> Role.TEACHER;
          };
      String name = invite.group(2).strip();
      String code = people.invite(turn.person(), role, name);
      return OutboundReply.secret(invited(role, name, code), invited(role, name, "********"));
    }
    return OutboundReply.text(texts.get("staff-how-to"));
  }

  private String invited(Role role, String name, String code) {
    return texts.format(
        "staff-invited",
        Map.of(
            "role",
            role.label(),
            "code",
            code,
            "name",
            name,
            "hours",
            properties.inviteValidity().toHours()));
  }
}
