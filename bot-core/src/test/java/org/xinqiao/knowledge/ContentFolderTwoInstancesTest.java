package org.xinqiao.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinqiao.kb.ContentFile;
import org.xinqiao.kb.DirectoryContent;
import org.xinqiao.kb.KnowledgeBase;
import org.xinqiao.semantic.TextEmbedder;
import org.xinqiao.store.RedisSharedStates;
import org.xinqiao.store.SharedState;
import org.xinqiao.testsupport.TestRedis;

/**
 * Two instances of the bot share one content folder and one Redis: authors saving on both at the
 * same moment lose nothing, and every file stays valid. Each instance has its own {@link
 * ContentFolder} (its own monitor), so only the lock in the shared store keeps them apart.
 */
class ContentFolderTwoInstancesTest {
  private static final int SAVES_EACH = 6;

  @TempDir static Path folder;

  private static SharedState redisA;
  private static SharedState redisB;
  private static KnowledgeLibrary libraryA;
  private static KnowledgeLibrary libraryB;
  private static ContentFolder instanceA;
  private static ContentFolder instanceB;

  @BeforeAll
  static void twoInstancesOnOneFolder() throws IOException {
    for (ContentFile f : KnowledgeContent.fromClasspath()) {
      Files.writeString(folder.resolve(f.name()), f.text(), StandardCharsets.UTF_8);
    }
    KnowledgeProperties properties = new KnowledgeProperties(folder, Duration.ofHours(1), false);
    String prefix = TestRedis.uniquePrefix();
    redisA = RedisSharedStates.client(prefix);
    redisB = RedisSharedStates.client(prefix);
    libraryA = new KnowledgeLibrary(properties, TextEmbedder.shared());
    libraryB = new KnowledgeLibrary(properties, TextEmbedder.shared());
    instanceA = new ContentFolder(properties, libraryA, redisA);
    instanceB = new ContentFolder(properties, libraryB, redisB);
  }

  @AfterAll
  static void close() {
    libraryA.destroy();
    libraryB.destroy();
    RedisSharedStates.close(redisA);
    RedisSharedStates.close(redisB);
  }

  @Test
  void phrasingsSavedAtOnceOnTwoInstancesAreAllKeptAndTheFolderStaysValid() throws Exception {
    List<String> saved =
        concurrently(
            (instance, name, i) -> {
              String phrasing = "实例" + name + "的第" + i + "种问法：孩子半夜总是醒";
              assertThat(instance.addQuestion("sleep-problems", phrasing).done()).isTrue();
              return phrasing;
            });
    List<ContentFile> files = DirectoryContent.read(folder);
    assertThat(KnowledgeBase.validate(files)).isEmpty();
    String entry = Files.readString(folder.resolve("sleep-problems.md"), StandardCharsets.UTF_8);
    assertThat(saved).hasSize(2 * SAVES_EACH).allSatisfy(q -> assertThat(entry).contains(q));
    libraryA.reload();
    assertThat(libraryA.knowledgeBase().entry("sleep-problems").orElseThrow().questions())
        .containsAll(saved);
  }

  @Test
  void outOfScopeQuestionsMarkedAtOnceOnTwoInstancesAreAllWrittenOnce() throws Exception {
    List<String> marked =
        concurrently(
            (instance, name, i) -> {
              String question = "实例" + name + "问第" + i + "次：学校几点放学";
              assertThat(instance.addToCalibration(List.of(question), "admin").done()).isTrue();
              return question;
            });
    List<String> lines =
        Files.readAllLines(
            folder.resolve(ContentFolder.CALIBRATION_ADDITIONS), StandardCharsets.UTF_8);
    List<String> rows = lines.stream().filter(l -> !l.startsWith("#")).toList();
    assertThat(rows)
        .containsExactlyInAnyOrderElementsOf(marked.stream().map(q -> q + "\tadmin").toList());
    assertThat(lines.stream().filter(l -> l.startsWith("# Questions content authors")).count())
        .isEqualTo(1);
  }

  interface Save {
    String save(ContentFolder instance, String name, int i) throws Exception;
  }

  /** Both instances save {@link #SAVES_EACH} times, starting together; what they saved. */
  private static List<String> concurrently(Save save) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (String name : List.of("A", "B")) {
        ContentFolder instance = name.equals("A") ? instanceA : instanceB;
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  List<String> done = new ArrayList<>();
                  for (int i = 0; i < SAVES_EACH; i++) {
                    done.add(save.save(instance, name, i));
                  }
                  return done;
                }));
      }
      start.countDown();
      List<String> all = new ArrayList<>();
      for (Future<List<String>> run : runs) {
        all.addAll(run.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}
