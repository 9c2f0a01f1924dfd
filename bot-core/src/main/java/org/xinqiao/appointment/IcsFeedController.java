package org.xinqiao.appointment;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A counselor's sessions as an RFC 5545 feed at a secret link ({@code /ics/<token>.ics}) for their
 * phone's calendar. Calendars sync to outside clouds, so an event says only the kind of session,
 * the place and the booking number: no names, no notes.
 */
@RestController
class IcsFeedController {

  static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

  private final FeedTokens tokens;
  private final BookingRepository bookings;
  private final AppointmentProperties properties;
  private final Clock clock;

  IcsFeedController(
      FeedTokens tokens,
      BookingRepository bookings,
      AppointmentProperties properties,
      Clock clock) {
    this.tokens = tokens;
    this.bookings = bookings;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping("/ics/{token}.ics")
  ResponseEntity<String> feed(@PathVariable String token) {
    return tokens
        .counselorOf(token)
        .map(
            counselor ->
                ResponseEntity.ok()
                    .contentType(CALENDAR)
                    .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                    .body(calendar(counselor)))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  String calendar(long counselorId) {
    Instant now = clock.instant();
    ICalendar ical = new ICalendar();
    ical.setProductId("-//XinQiao//Appointments//ZH");
    ical.setName("心桥 咨询预约");
    for (Appointment a :
        bookings.ofCounselor(
            counselorId,
            now.minus(Duration.ofDays(30)),
            now.plus(properties.bookingWindow()).plus(Duration.ofDays(1)))) {
      VEvent event = new VEvent();
      event.setUid("appointment-" + a.id() + "@xinqiao");
      event.setDateStart(Date.from(a.startsAt()));
      event.setDateEnd(Date.from(a.endsAt()));
      event.setSummary(a.kind().label() + "（预约 " + a.id() + "）");
      event.setLocation(a.place());
      event.setStatus("CANCELLED".equals(a.status()) ? Status.cancelled() : Status.confirmed());
      ical.addEvent(event);
    }
    return Biweekly.write(ical).go();
  }
}
