package org.xinqiao.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.channels.MessageSender;

/**
 * Records customer-service messages as WeChat's API would receive them; refuses like WeChat outside
 * the 48 h window when {@link #outsideWindow} is set. {@link #to} waits until the notice outbox
 * ({@code appointment_notice}, shared by appointments and events) is empty, because delivery runs
 * on the scheduler.
 */
public final class RecordingSender implements MessageSender {

  /** One message as sent. */
  public record Sent(String userId, String text) {}

  public final List<Sent> sent = new CopyOnWriteArrayList<>();
  public volatile boolean outsideWindow;
  private final JdbcClient jdbc;

  public RecordingSender(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void sendText(String userId, String text) throws ChannelException {
    if (outsideWindow) {
      throw new ChannelException(45015, "out of window");
    }
    sent.add(new Sent(userId, text));
  }

  /** What reached the person once the outbox is empty. */
  public List<String> to(String userId) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                jdbc.sql("select count(*) from appointment_notice where sent_at is null")
                        .query(Long.class)
                        .single()
                    == 0);
    return sent.stream().filter(s -> s.userId().equals(userId)).map(Sent::text).toList();
  }
}
