package org.xinqiao.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/**
 * Console login codes and staff codes cannot be guessed, and are not kept where they could leak.
 */
class ConsoleLoginLimitsTest extends ConsoleContext {

  @Test
  void aCodeIsSpentByARightTryAndCannotBeUsedTwice() throws Exception {
    Person counselor = staff(Role.COUNSELOR, "吕老师");
    String code = login.issueCode(counselor);

    assertThat(typeCode(code, "10.2.0.1").getRedirectedUrl()).isEqualTo("/console");
    assertThat(typeCode(code, "10.2.0.1").getRedirectedUrl()).isEqualTo("/console/login?error");
  }

  @Test
  void threeWrongGuessesEndACodeEvenForTheRightDigitsFromAnotherClient() throws Exception {
    Person counselor = staff(Role.COUNSELOR, "孙老师");
    String code = login.issueCode(counselor);
    for (int i = 0; i < ConsoleLogin.MAX_TRIES_PER_CODE; i++) {
      assertThat(typeCode(wrong(code, i), "10.3.0.1").getRedirectedUrl()).endsWith("?error");
    }

    assertThat(typeCode(code, "10.3.0.2").getRedirectedUrl()).isEqualTo("/console/login?error");
  }

  @Test
  void fiveWrongGuessesEndEveryLiveCodeOfThatPerson() throws Exception {
    Person counselor = staff(Role.COUNSELOR, "钱老师");
    String first = login.issueCode(counselor);
    String second = login.issueCode(counselor);
    String third = login.issueCode(counselor);
    typeCode(wrong(first, 0), "10.4.0.1");
    typeCode(wrong(first, 1), "10.4.0.2");
    typeCode(wrong(second, 0), "10.4.0.3");
    typeCode(wrong(second, 1), "10.4.0.4");
    typeCode(wrong(third, 0), "10.4.0.5");

    for (String code : new String[] {first, second, third}) {
      assertThat(typeCode(code, "10.4.0.6").getRedirectedUrl()).endsWith("?error");
    }
    assertThat(audited("console-login-locked", counselor.id())).isOne();
    assertThat(typeCode(login.issueCode(counselor), "10.4.0.6").getRedirectedUrl())
        .as("a fresh code from the chat works again")
        .isEqualTo("/console");
  }

  @Test
  void aClientThatKeepsFailingIsRefusedEvenTheRightCodeWhileOthersAreNot() throws Exception {
    Person counselor = staff(Role.COUNSELOR, "周老师");
    String code = login.issueCode(counselor);
    for (int i = 0; i < ConsoleLogin.MAX_FAILURES_PER_CLIENT; i++) {
      typeCode(String.format("ZZZZ-%06d", i), "10.5.0.1");
    }

    assertThat(typeCode(code, "10.5.0.1").getRedirectedUrl()).isEqualTo("/console/login?locked");
    assertThat(typeCode(code, "10.5.0.2").getRedirectedUrl()).isEqualTo("/console");
  }

  @Test
  void sixDigitsWithoutTheirTicketAreRefused() throws Exception {
    Person counselor = staff(Role.COUNSELOR, "郑老师");
    String code = login.issueCode(counselor);

    assertThat(typeCode(code.substring(5), "10.6.0.1").getRedirectedUrl()).endsWith("?error");
    assertThat(typeCode(code.toLowerCase().replace("-", " "), "10.6.0.1").getRedirectedUrl())
        .as("the ticket is not case-sensitive and the dash is optional")
        .isEqualTo("/console");
  }

  @Test
  void theSharedStoreHoldsOnlyASaltedHashOfTheDigits() {
    Person counselor = staff(Role.COUNSELOR, "王老师");
    String code = login.issueCode(counselor);
    String ticket = code.substring(0, 4);
    String digits = code.substring(5);

    String stored = state.get("console-login:code:" + ticket).orElseThrow();
    assertThat(stored).doesNotContain(digits).startsWith(counselor.id() + ":");
    String other = login.issueCode(counselor);
    assertThat(state.get("console-login:code:" + other.substring(0, 4)).orElseThrow())
        .as("a fresh salt per code")
        .isNotEqualTo(stored);
  }

  @Test
  void theLoginCodeReachesTheChatButNotTheMessageLog() {
    Person counselor = staff(Role.COUNSELOR, "冯老师");
    String reply = send(counselor.openid(), "登录");
    String code = reply.replaceAll("(?s).*登录码：([A-Z]{4}-\\d{6}).*", "$1");
    assertThat(code).matches("[A-Z]{4}-\\d{6}");
    assertThat(reply).contains("https://xinqiao.test/console/login?t=" + code.substring(0, 4));

    assertThat(outbound(counselor))
        .anyMatch(body -> body.contains(code.substring(0, 5) + "******"))
        .noneMatch(body -> body.contains(code.substring(5)));
  }

  @Test
  void staffCodesReachTheChatButNotTheMessageLog() {
    Person admin = people.contact("wechat", ADMIN);
    String reply = send(ADMIN, "邀请 老师 卫红");
    String code = reply.replaceAll("(?s).*绑定码：(\\d{8}).*", "$1");
    assertThat(code).hasSize(8);
    assertThat(outbound(admin)).noneMatch(body -> body.contains(code));
    assertThat(
            jdbc.sql("select count(*) from audit_log where action = 'staff-invited' and actor = ?")
                .param(admin.pseudonym())
                .query(Long.class)
                .single())
        .isPositive();

    String teacher = "o_teacher_" + code;
    send(teacher, "你好");
    send(teacher, "同意");
    assertThat(send(teacher, "绑定 " + code)).contains("绑定成功");
    Person bound = people.find("wechat", teacher).orElseThrow();
    assertThat(inbound(bound)).contains("绑定 ********").noneMatch(body -> body.contains(code));
  }

  @Test
  void guessingStaffCodesStopsAfterFiveWrongTriesEvenForTheRightCode() {
    String code = people.invite(people.contact("wechat", ADMIN), Role.TEACHER, "蒋老师");
    String guesser = "o_guesser_" + code;
    send(guesser, "你好");
    send(guesser, "同意");
    for (int i = 0; i < 5; i++) {
      assertThat(send(guesser, String.format("绑定 %08d", i))).contains("无效");
    }

    assertThat(send(guesser, "绑定 " + code)).contains("一小时后再试");
    assertThat(people.find("wechat", guesser).orElseThrow().role()).isEqualTo(Role.PARENT);
    String honest = "o_honest_" + code;
    send(honest, "你好");
    send(honest, "同意");
    assertThat(send(honest, "绑定 " + code)).contains("绑定成功");
  }

  /** The code's ticket with digits that are surely not its own. */
  private static String wrong(String code, int n) {
    String digits = code.substring(5);
    String guess = String.format("%06d", n);
    return code.substring(0, 5) + (guess.equals(digits) ? String.format("%06d", n + 100) : guess);
  }
}
