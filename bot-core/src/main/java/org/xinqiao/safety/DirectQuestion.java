package org.xinqiao.safety;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/**
 * The middle band's one direct question (DESIGN.md "Ask directly"): whom it is about, and how a
 * reply is read. Only a clear no closes it; yes, unsure, a further risky message and anything else
 * within the answer window escalate. After the window (silence) a worrying message escalates and an
 * ordinary one lets the question lapse. {@code 取消} is not a no: it counts as unsure, because the
 * question belongs to safety and is not a dialog a person can cancel.
 */
final class DirectQuestion {

  /** A question is asked at most once in this time for one person. */
  static final Duration ONCE_PER = Duration.ofHours(24);

  /** A reply within this time answers the question; later ones come after silence. */
  static final Duration ANSWER_WINDOW = Duration.ofMinutes(30);

  /** How the reply was read; stored on the question and named in the escalation's reasons. */
  enum Answer {
    NO,
    YES,
    UNSURE,
    RISKY,
    OTHER,
    SILENCE_THEN_WORRYING,
    LAPSED;

    boolean escalates() {
      return this != NO && this != LAPSED;
    }

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern CHILD =
      Pattern.compile("孩子|女儿|儿子|闺女|宝宝|小孩|娃|学生|同学|班上|班里|我家那个|kid|child|son|daughter");

  private static final Pattern PUNCTUATION = Pattern.compile("[\\s\\p{P}\\p{S}]+");

  private static final Set<String> CLEAR_NO =
      Set.of(
          "没有", "没有过", "没有想过", "没想过", "从没想过", "从来没有", "从来没有想过", "没有没有", "没有的", "没有啊", "没有呢", "没",
          "不会", "不会的", "不会不会", "没说过", "没有说过", "他没有", "她没有", "孩子没有", "孩子没说过", "no", "nope", "never",
          "meiyou");

  private static final Set<String> YES =
      Set.of("有", "有过", "想过", "是", "是的", "嗯", "对", "对的", "说过", "有说过", "yes", "yeah");

  private static final Set<String> UNSURE =
      Set.of(
          "不知道", "有时候", "说不清", "不确定", "不好说", "可能", "也许", "偶尔", "不清楚", "取消", "退出", "算了", "maybe",
          "dunno");

  private DirectQuestion() {}

  /** About a child when a parent or teacher writes of one; otherwise about the writer. */
  static SafetyQuestions.About about(Person person, String text) {
    boolean adult = person.role() == Role.PARENT || person.role() == Role.TEACHER;
    return adult && CHILD.matcher(text.toLowerCase(Locale.ROOT)).find()
        ? SafetyQuestions.About.CHILD
        : SafetyQuestions.About.SELF;
  }

  /**
   * Reads a reply to the pending question.
   *
   * @param worrying whether safety finds the reply itself worrying (concern or above, or asking)
   */
  static Answer read(String reply, boolean worrying, Instant askedAt, Instant now) {
    String t = PUNCTUATION.matcher(reply.toLowerCase(Locale.ROOT)).replaceAll("");
    boolean inTime = !now.isAfter(askedAt.plus(ANSWER_WINDOW));
    if (CLEAR_NO.contains(t)) {
      return Answer.NO;
    }
    if (!inTime) {
      return worrying ? Answer.SILENCE_THEN_WORRYING : Answer.LAPSED;
    }
    if (YES.contains(t)) {
      return Answer.YES;
    }
    if (UNSURE.contains(t)) {
      return Answer.UNSURE;
    }
    return worrying ? Answer.RISKY : Answer.OTHER;
  }
}
