package org.xinqiao.appointment;

/** A booking change that cannot be made; the dialog turns the reason into a polite reply. */
class BookingRefused extends RuntimeException {

  enum Reason {
    /** the time is no longer free (someone was quicker, or it is in the past) */
    TAKEN,
    /** inside the cancellation cut-off */
    TOO_LATE,
    /** no such appointment, or not this person's */
    NOT_FOUND,
    /** the person's role may not book this kind */
    NOT_ALLOWED
  }

  private final Reason reason;

  BookingRefused(Reason reason) {
    super(reason.name(), null, false, false);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }
}
