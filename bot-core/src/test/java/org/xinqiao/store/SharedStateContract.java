package org.xinqiao.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xinqiao.store.SharedState.SharedLock;

/**
 * What every {@link SharedState} promises, run against each implementation. Expiry is checked by
 * polling (a short ttl, then wait until the value is gone), never by a fixed sleep and a timed
 * assertion.
 */
abstract class SharedStateContract {

  private static final Duration LONG = Duration.ofMinutes(5);
  private static final Duration SHORT = Duration.ofMillis(300);
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  SharedState state;

  abstract SharedState newState();

  void release(SharedState state) throws Exception {}

  @BeforeEach
  void createState() {
    state = newState();
  }

  @AfterEach
  void releaseState() throws Exception {
    release(state);
  }

  @Test
  void putIfAbsentStoresOnlyTheFirstValue() {
    assertThat(state.putIfAbsent("dedupe:1", "first", LONG)).isTrue();
    assertThat(state.putIfAbsent("dedupe:1", "second", LONG)).isFalse();
    assertThat(state.get("dedupe:1")).contains("first");
  }

  @Test
  void putReplacesAndDeleteRemoves() {
    state.put("session:a", "one", LONG);
    state.put("session:a", "two", LONG);
    assertThat(state.get("session:a")).contains("two");

    state.delete("session:a");

    assertThat(state.get("session:a")).isEmpty();
    assertThat(state.get("never-written")).isEmpty();
  }

  @Test
  void valuesVanishAfterTheirTtl() {
    state.put("session:short", "v", SHORT);
    state.put("session:long", "v", LONG);

    await().atMost(PATIENCE).until(() -> state.get("session:short").isEmpty());
    assertThat(state.get("session:long")).contains("v");
  }

  @Test
  void putIfAbsentSucceedsAgainOnceTheOldValueExpired() {
    assertThat(state.putIfAbsent("dedupe:2", "first", SHORT)).isTrue();

    await().atMost(PATIENCE).until(() -> state.putIfAbsent("dedupe:2", "again", LONG));
    assertThat(state.get("dedupe:2")).contains("again");
  }

  @Test
  void incrementCountsWithinOneWindow() {
    assertThat(state.increment("rate:a", LONG)).isEqualTo(1);
    assertThat(state.increment("rate:a", LONG)).isEqualTo(2);
    assertThat(state.increment("rate:a", LONG)).isEqualTo(3);
    assertThat(state.increment("rate:b", LONG)).isEqualTo(1);
  }

  @Test
  void incrementWindowStartsAtTheFirstIncrementAndDoesNotSlide() throws InterruptedException {
    // Incrementing every 50 ms: a window that slid with each increment would never end.
    long count = state.increment("rate:window", SHORT);
    assertThat(count).isEqualTo(1);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    do {
      Thread.sleep(50);
      count = state.increment("rate:window", SHORT);
    } while (count != 1 && System.nanoTime() < deadline);
    assertThat(count).as("the counter restarts when the first window ends").isEqualTo(1);
  }

  @Test
  void aLockIsExclusiveUntilReleased() {
    Optional<SharedLock> first = state.tryLock("push:weekly", LONG);
    assertThat(first).isPresent();
    assertThat(state.tryLock("push:weekly", LONG)).isEmpty();
    assertThat(state.tryLock("push:other", LONG)).isPresent();

    first.get().close();

    assertThat(state.tryLock("push:weekly", LONG)).isPresent();
  }

  @Test
  void aLockIsFreeAgainWhenItsLeaseRunsOut() {
    assertThat(state.tryLock("token-refresh", SHORT)).isPresent();

    await().atMost(PATIENCE).until(() -> state.tryLock("token-refresh", LONG).isPresent());
    assertThat(state.tryLock("token-refresh", LONG)).isEmpty();
  }

  @Test
  void releasingAnExpiredLockDoesNotFreeTheNextHoldersLock() {
    SharedLock expired = state.tryLock("job", SHORT).orElseThrow();
    await().atMost(PATIENCE).until(() -> state.tryLock("job", LONG).isPresent());

    expired.close();

    assertThat(state.tryLock("job", LONG)).as("the second holder still holds it").isEmpty();
  }

  @Test
  void exactlyOneOfManyRacingThreadsWinsPutIfAbsent() throws Exception {
    int threads = 8;
    for (int round = 0; round < 20; round++) {
      String key = "race:" + round;
      List<Boolean> results = race(threads, i -> state.putIfAbsent(key, "t" + i, LONG));
      assertThat(results.stream().filter(won -> won).count()).as("winners of " + key).isOne();
    }
  }

  @Test
  void takeReturnsTheValueOnceAndRemovesIt() {
    state.put("code:1", "p7", LONG);

    assertThat(state.take("code:1")).contains("p7");
    assertThat(state.take("code:1")).isEmpty();
    assertThat(state.get("code:1")).isEmpty();
    assertThat(state.take("never-written")).isEmpty();
  }

  @Test
  void exactlyOneOfManyRacingThreadsTakesAValue() throws Exception {
    for (int round = 0; round < 20; round++) {
      String key = "once:" + round;
      state.put(key, "v", LONG);
      List<Boolean> results = race(8, i -> state.take(key).isPresent());
      assertThat(results.stream().filter(won -> won).count()).as("takers of " + key).isOne();
    }
  }

  @Test
  void anExpiredValueCannotBeTaken() {
    state.put("code:short", "v", SHORT);

    await().atMost(PATIENCE).until(() -> state.get("code:short").isEmpty());
    assertThat(state.take("code:short")).isEmpty();
  }

  @Test
  void exactlyOneOfManyRacingThreadsGetsTheLock() throws Exception {
    List<Boolean> results = race(8, i -> state.tryLock("race-lock", LONG).isPresent());
    assertThat(results.stream().filter(won -> won).count()).isOne();
  }

  @Test
  void concurrentIncrementsAreNeverLost() throws Exception {
    race(
        8,
        i -> {
          for (int n = 0; n < 50; n++) {
            state.increment("rate:busy", LONG);
          }
          return true;
        });
    assertThat(state.increment("rate:busy", LONG)).isEqualTo(8 * 50 + 1);
  }

  @Test
  void rejectsAValueThatWouldNeverExpire() {
    assertThatThrownBy(() -> state.put("k", "v", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> state.putIfAbsent("k", "v", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> state.increment("k", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(state.get("k")).isEmpty();
  }

  /** Lets all threads start together, then returns each one's result. */
  interface Contender {
    boolean run(int index) throws Exception;
  }

  private static List<Boolean> race(int threads, Contender contender) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        Callable<Boolean> task =
            () -> {
              ready.countDown();
              go.await();
              return contender.run(index);
            };
        futures.add(pool.submit(task));
      }
      ready.await();
      go.countDown();
      List<Boolean> results = new ArrayList<>();
      for (Future<Boolean> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
