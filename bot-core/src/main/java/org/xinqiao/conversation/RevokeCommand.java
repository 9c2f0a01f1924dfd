package org.xinqiao.conversation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;
import org.xinqiao.people.StaffRoles;

/**
 * Staff offboarding in the chat: an admin sends "撤销 李红" and 李红 is a parent again, logged out of the
 * console at once. When several members of staff share the name the admin is shown them numbered
 * and confirms one with "撤销 李红 2".
 */
@Component
@Order(31)
class RevokeCommand implements ChatCommand {

  private static final Pattern REVOKE = Pattern.compile("^撤销\\s*(\\S.{0,30}?)(?:\\s+(\\d{1,2}))?$");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

  private final StaffRoles roles;
  private final Texts texts;

  RevokeCommand(StaffRoles roles, Texts texts) {
    this.roles = roles;
    this.texts = texts;
  }

  @Override
  public boolean accepts(Turn turn) {
    return turn.person().role() == Role.ADMIN && turn.text().startsWith("撤销");
  }

  @Override
  public OutboundReply handle(Turn turn) {
    Matcher m = REVOKE.matcher(turn.text());
    if (!m.matches()) {
      return OutboundReply.text(texts.get("revoke-usage"));
    }
    String name = m.group(1).strip();
    List<Person> named = roles.staffNamed(name);
    if (named.isEmpty()) {
      return OutboundReply.text(texts.format("revoke-nobody", Map.of("name", name)));
    }
    if (named.size() > 1 && m.group(2) == null) {
      return OutboundReply.text(
          texts.format("revoke-choose", Map.of("name", name, "list", numbered(named))));
    }
    int choice = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
    if (choice < 1 || choice > named.size()) {
      return OutboundReply.text(
          texts.format("revoke-choose", Map.of("name", name, "list", numbered(named))));
    }
    Person target = named.get(choice - 1);
    String reply =
        switch (roles.revoke(turn.person(), target.id())) {
          case REVOKED -> "revoke-done";
          case SELF -> "revoke-self";
          case CONFIGURED -> "revoke-configured";
          case NOT_STAFF -> "revoke-nobody";
        };
    return OutboundReply.text(
        texts.format(reply, Map.of("name", name, "role", target.role().label())));
  }

  private static String numbered(List<Person> named) {
    return IntStream.range(0, named.size())
        .mapToObj(
            i ->
                (i + 1)
                    + ". "
                    + named.get(i).displayName()
                    + "（"
                    + named.get(i).role().label()
                    + "，"
                    + DAY.format(named.get(i).createdAt())
                    + " 首次联系）")
        .collect(Collectors.joining("\n"));
  }
}
