package org.xinqiao.appointment;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.channels.MessageSender;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.store.ExpectedTaskFailure;

/**
 * The appointment outbox. A notice is written in the transaction of the change it reports, then
 * delivered by a durable db-scheduler task (never inside the 5-second reply window): first as a
 * customer-service message; when WeChat says the person is outside the 48-hour window (45015) or
 * the quota is used (45047), as a subscription/template notice. A failure stays recorded on the row
 * and the task retries with backoff, so nothing is lost.
 */
@Service
class Notices implements NoticeOutbox {

  private static final Logger log = LoggerFactory.getLogger(Notices.class);

  /**
   * A delivery is due at once: scheduled at the epoch, so it is due on every instance whatever its
   * clock says, and it sorts before timers that are merely due.
   */
  private static final java.time.Instant AT_ONCE = java.time.Instant.EPOCH;

  /** A stored notice. */
  record Row(long id, long personId, AppointmentNotice notice, boolean sent) {}

  private final JdbcClient jdbc;
  private final People people;
  private final ObjectProvider<MessageSender> sender;
  private final ObjectProvider<SubscribeNotices> subscribe;
  private final ObjectProvider<SchedulerClient> scheduler;
  private final Clock clock;

  Notices(
      JdbcClient jdbc,
      People people,
      ObjectProvider<MessageSender> sender,
      ObjectProvider<SubscribeNotices> subscribe,
      ObjectProvider<SchedulerClient> scheduler,
      Clock clock) {
    this.jdbc = jdbc;
    this.people = people;
    this.sender = sender;
    this.subscribe = subscribe;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** Records a notice in the caller's transaction and arranges its delivery. */
  @Override
  public long enqueue(long personId, AppointmentNotice notice) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into appointment_notice (person_id, purpose, when_text, place, body,"
                + " created_at, attempts) values (?, ?, ?, ?, ?, ?, 0)")
        .params(
            personId,
            notice.purpose(),
            notice.when(),
            notice.place(),
            notice.text(),
            Timestamp.from(clock.instant()))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    SchedulerClient client = scheduler.getIfAvailable();
    if (client != null) {
      client.scheduleIfNotExists(NoticeTasks.DELIVER.instance("n" + id).data(id).build(), AT_ONCE);
    } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // no scheduler on this instance (tools, tests): deliver once the change is committed
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              tryDeliver(id);
            }
          });
    } else {
      tryDeliver(id);
    }
    return id;
  }

  private void tryDeliver(long id) {
    try {
      deliver(id);
    } catch (DeliveryFailed e) {
      // already logged in one line by failed(); the next message or a retry sends it
    }
  }

  /** Delivers one notice; throws when it must be tried again later. */
  void deliver(long id) {
    Optional<Row> row = find(id);
    if (row.isEmpty() || row.get().sent()) {
      return;
    }
    Optional<Person> person = people.find(row.get().personId());
    if (person.isEmpty()) {
      return; // the person deleted their data; the row went with them
    }
    String openid = person.get().openid();
    AppointmentNotice notice = row.get().notice();
    MessageSender cs = sender.getIfAvailable();
    try {
      if (cs == null) {
        throw new ChannelException(45015, "no customer-service sender configured");
      }
      cs.sendText(openid, notice.text());
      markSent(id, "CS");
      return;
    } catch (ChannelException e) {
      if (!e.outsideWindow() && !e.quotaUsed()) {
        throw failed(id, person.get(), "customer-service errcode " + e.code());
      }
    } catch (RuntimeException e) {
      throw failed(id, person.get(), "customer-service " + e.getClass().getSimpleName());
    }
    SubscribeNotices fallback = subscribe.getIfAvailable();
    if (fallback == null) {
      throw failed(
          id, person.get(), "outside the 48h window and no subscription notice configured");
    }
    try {
      fallback.send(openid, notice);
      markSent(id, "NOTICE");
    } catch (ChannelException e) {
      throw failed(id, person.get(), "notice errcode " + e.code());
    } catch (RuntimeException e) {
      throw failed(id, person.get(), "notice " + e.getClass().getSimpleName());
    }
  }

  List<Row> pending() {
    return jdbc.sql("select * from appointment_notice where sent_at is null order by id")
        .query(Notices::map)
        .list();
  }

  Optional<Row> find(long id) {
    return jdbc.sql("select * from appointment_notice where id = ?")
        .param(id)
        .query(Notices::map)
        .optional();
  }

  private void markSent(long id, String via) {
    jdbc.sql(
            "update appointment_notice set sent_at = ?, sent_via = ?, attempts = attempts + 1"
                + " where id = ?")
        .params(Timestamp.from(clock.instant()), via, id)
        .update();
  }

  /** Records and logs (one line, no body, no openid) why a notice waits; retried later. */
  private DeliveryFailed failed(long id, Person person, String reason) {
    jdbc.sql("update appointment_notice set attempts = attempts + 1, last_error = ? where id = ?")
        .params(reason.length() > 200 ? reason.substring(0, 200) : reason, id)
        .update();
    log.info("appointment notice {} to {} not delivered yet: {}", id, person.pseudonym(), reason);
    return new DeliveryFailed("notice " + id + ": " + reason);
  }

  private static Row map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getLong("person_id"),
        new AppointmentNotice(
            rs.getString("purpose"),
            rs.getString("when_text"),
            rs.getString("place"),
            rs.getString("body")),
        rs.getTimestamp("sent_at") != null);
  }

  /**
   * A delivery that must be retried; carries no message body. Always logged by {@link #failed}, so
   * the scheduler adds no stack trace.
   */
  static class DeliveryFailed extends RuntimeException implements ExpectedTaskFailure {
    DeliveryFailed(String message) {
      super(message, null, false, false);
    }
  }
}
