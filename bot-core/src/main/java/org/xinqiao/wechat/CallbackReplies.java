package org.xinqiao.wechat;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.channels.MessageSender;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.MessagePipeline;
import org.xinqiao.conversation.Texts;
import org.xinqiao.store.SharedState;

/**
 * Answers one accepted callback inside WeChat's 5-second window, once per message across retries
 * and instances. State per dedupe key in {@link SharedState}: {@code P} while the pipeline runs,
 * {@code R:<text>} once answered passively (a retry gets the same text), {@code D} when there is
 * nothing to repeat (no reply, or it went out as a customer-service message).
 */
@Component
class CallbackReplies {

  private static final Logger log = LoggerFactory.getLogger(CallbackReplies.class);
  static final Duration REMEMBER = Duration.ofMinutes(10);
  static final String SORRY = "抱歉，系统暂时有点忙，请稍后再发一次。如有紧急情况，请直接拨打 110 或 120。";

  /** What the controller should send back. */
  sealed interface Answer {
    /** Reply passively with this text. */
    record Text(String text) implements Answer {}

    /** Acknowledge with "success" (nothing passive now). */
    record Ack() implements Answer {}
  }

  private final MessagePipeline pipeline;
  private final MessageSender sender;
  private final SharedState state;
  private final ExecutorService executor;
  private final Duration deadline;
  private final SenderRateLimit rateLimit;
  private final Texts texts;

  CallbackReplies(
      MessagePipeline pipeline,
      @Qualifier("wechat") MessageSender sender,
      SharedState state,
      WeChatProperties properties,
      SenderRateLimit rateLimit,
      CallbackLimits limits,
      Texts texts) {
    this.pipeline = pipeline;
    this.sender = sender;
    this.state = state;
    this.executor = newExecutor(limits);
    this.deadline = properties.replyTimeout();
    this.rateLimit = rateLimit;
    this.texts = texts;
  }

  /**
   * Owned here rather than a bean (an Executor bean would switch off Boot's
   * applicationTaskExecutor). Bounded both ways: a burst beyond the queue only gets the safety path
   * on the request thread instead of piling up threads or memory.
   */
  private static ExecutorService newExecutor(CallbackLimits limits) {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        limits.replyThreads(),
        limits.replyThreads(),
        30,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(limits.replyQueue()),
        r -> {
          Thread t = new Thread(r, "wechat-reply-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  @PreDestroy
  void shutdown() {
    executor.shutdown();
  }

  /**
   * For deliveries that need no reply (MASSSENDJOBFINISH): true the first time the key is seen,
   * false for every retry.
   */
  boolean firstDelivery(InboundMessage message) {
    return state.putIfAbsent("wechat:dedupe:" + message.dedupeKey(), "D", REMEMBER);
  }

  Answer answer(InboundMessage message) {
    String key = "wechat:dedupe:" + message.dedupeKey();
    if (!state.putIfAbsent(key, "P", REMEMBER)) {
      Optional<String> seen = state.get(key);
      log.info(
          "WeChat retry {} ({})",
          message.dedupeKey(),
          seen.map(v -> v.substring(0, 1)).orElse("-"));
      return seen.filter(v -> v.startsWith("R:"))
          .<Answer>map(v -> new Answer.Text(v.substring(2)))
          .orElse(new Answer.Ack());
    }
    if (!rateLimit.allow(message.userId())) {
      // Over the per-sender limit: only the never-refused safety path, on this thread, so one
      // flooding sender cannot fill the workers everyone shares (and a risky text still escalates).
      log.info(
          "WeChat sender over the rate limit; {} gets the safety path only", message.dedupeKey());
      return safetyOnly(
          key, message, rateLimit.firstRefusal(message.userId()) ? "rate-limited" : null);
    }
    CompletableFuture<OutboundReply> work;
    try {
      work = CompletableFuture.supplyAsync(() -> pipeline.handle(message), executor);
    } catch (RejectedExecutionException e) {
      // Every worker busy: a 503 would let WeChat give up after three tries and lose the message.
      log.warn("WeChat reply executor full; {} gets the safety path only", message.dedupeKey());
      return safetyOnly(key, message, "busy");
    }
    try {
      OutboundReply reply = work.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      return remember(key, reply);
    } catch (TimeoutException e) {
      work.whenComplete((reply, error) -> sendLate(key, message, reply, error));
      return new Answer.Ack();
    } catch (ExecutionException e) {
      log.error("Pipeline failed for {}", message.dedupeKey(), e.getCause());
      return remember(key, OutboundReply.text(SORRY));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      work.whenComplete((reply, error) -> sendLate(key, message, reply, error));
      return new Answer.Ack();
    }
  }

  /**
   * Records and screens on the caller's thread; the safety reply when the text is risky, else the
   * polite text named (or "success" when null).
   */
  private Answer safetyOnly(String key, InboundMessage message, String politeText) {
    OutboundReply reply;
    try {
      reply = pipeline.screenOnly(message);
    } catch (RuntimeException e) {
      log.error("Safety path failed for {}", message.dedupeKey(), e);
      reply = OutboundReply.text(SORRY);
    }
    if (reply.isEmpty() && politeText != null) {
      reply = OutboundReply.text(texts.get(politeText));
    }
    return remember(key, reply);
  }

  private Answer remember(String key, OutboundReply reply) {
    if (reply == null || reply.isEmpty()) {
      state.put(key, "D", REMEMBER);
      return new Answer.Ack();
    }
    state.put(key, "R:" + reply.text(), REMEMBER);
    return new Answer.Text(reply.text());
  }

  /** The window was missed: deliver the reply as a customer-service message. */
  private void sendLate(String key, InboundMessage message, OutboundReply reply, Throwable error) {
    state.put(key, "D", REMEMBER);
    if (error != null) {
      log.error("Pipeline failed late for {}", message.dedupeKey(), error);
      reply = OutboundReply.text(SORRY);
    }
    if (reply == null || reply.isEmpty()) {
      return;
    }
    try {
      sender.sendText(message.userId(), reply.text());
      log.info("Late reply to {} sent as a customer-service message", message.dedupeKey());
    } catch (ChannelException e) {
      log.warn("Late reply to {} not delivered: errcode {}", message.dedupeKey(), e.code());
    } catch (RuntimeException e) {
      log.warn(
          "Late reply to {} not delivered: {}", message.dedupeKey(), e.getClass().getSimpleName());
    }
  }
}
