package org.xinqiao.checkin;

import java.util.ArrayList;
import java.util.List;

/**
 * Where someone is in a check-in, kept in the shared store between messages: answering item {@code
 * item} of {@code checkinId}, or (after the result) deciding whether to share result {@code
 * resultId}. Holds option numbers only, never typed text.
 */
record DialogState(String checkinId, int item, List<Integer> answers, long resultId) {

  static DialogState begin(String checkinId) {
    return new DialogState(checkinId, 0, List.of(), 0);
  }

  static DialogState sharing(long resultId) {
    return new DialogState("", 0, List.of(), resultId);
  }

  boolean isSharing() {
    return resultId > 0;
  }

  DialogState answered(int option) {
    List<Integer> next = new ArrayList<>(answers);
    next.add(option);
    return new DialogState(checkinId, item + 1, List.copyOf(next), 0);
  }

  String encode() {
    return isSharing()
        ? "s;" + resultId
        : "a;" + checkinId + ";" + item + ";" + Result.encode(answers);
  }

  /** Null when the stored text is not a state this version wrote. */
  static DialogState decode(String state) {
    try {
      String[] p = state.split(";", -1);
      if (p[0].equals("s") && p.length == 2) {
        return sharing(Long.parseLong(p[1]));
      }
      if (p[0].equals("a") && p.length == 4) {
        return new DialogState(p[1], Integer.parseInt(p[2]), Result.decode(p[3]), 0);
      }
    } catch (RuntimeException e) {
      // fall through: an unreadable state starts nothing
    }
    return null;
  }
}
