package org.xinqiao.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReloadTest {

  @Test
  void reloadSwapsInTheNewEntries() {
    try (KnowledgeBase kb = KnowledgeBase.load(Fixtures.valid())) {
      List<ContentFile> fewer =
          Fixtures.valid().stream()
              .filter(f -> !f.name().equals("screen-time.md"))
              .map(f -> new ContentFile(f.name(), f.text().replace(", screen-time", "")))
              .toList();
      assertThat(kb.reload(fewer)).isEmpty();
      assertThat(kb.entry("screen-time")).isEmpty();
      assertThat(kb.entries()).hasSize(2);
      assertThat(kb.search("孩子沉迷手机游戏").hits()).extracting(Hit::id).doesNotContain("screen-time");
    }
  }

  @Test
  void badFileLeavesRunningIndexServingAndReturnsErrors() {
    try (KnowledgeBase kb = KnowledgeBase.load(Fixtures.valid())) {
      List<ContentError> errors = kb.reload(Fixtures.validPlusBroken("bad-audience.md"));
      assertThat(errors).extracting(ContentError::file).contains("bad-audience.md");
      assertThat(kb.entries()).hasSize(3);
      assertThat(kb.search("孩子沉迷手机游戏怎么办").hits().get(0).id()).isEqualTo("screen-time");
    }
  }

  @Test
  void searchesKeepWorkingWhileReloading() throws Exception {
    try (KnowledgeBase kb = KnowledgeBase.load(Fixtures.valid())) {
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<Integer>> searchers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        searchers.add(
            pool.submit(
                () -> {
                  int answered = 0;
                  while (!stop.get()) {
                    if (kb.search("孩子晚上睡不着").hits().get(0).id().equals("sleep-problems")) {
                      answered++;
                    }
                  }
                  return answered;
                }));
      }
      for (int i = 0; i < 20; i++) {
        assertThat(kb.reload(Fixtures.valid())).isEmpty();
      }
      stop.set(true);
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      for (Future<Integer> searcher : searchers) {
        assertThat(searcher.get()).isPositive();
      }
    }
  }
}
