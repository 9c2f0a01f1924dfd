package org.xinqiao.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinqiao.kb.Audience;
import org.xinqiao.kb.ContentEdits;
import org.xinqiao.kb.ContentException;
import org.xinqiao.kb.ContentFile;
import org.xinqiao.kb.Entry;
import org.xinqiao.kb.Hit;
import org.xinqiao.kb.KnowledgeBase;
import org.xinqiao.kb.Review;

/** {@code xinqiao.kb.require-review=true}: only what a counselor signed off is searched. */
class RequireReviewTest {

  @TempDir Path dir;

  @Test
  void searchSkipsEntriesNoCounselorSignedOff() throws IOException {
    for (ContentFile f : KnowledgeContent.fromClasspath()) {
      ContentFile served =
          f.name().equals("screen-time.md")
              ? ContentEdits.signOff(
                  f, new Review(LocalDate.of(2026, 12, 2), "张老师", Review.COUNSELOR))
              : f;
      Files.writeString(dir.resolve(f.name()), served.text(), StandardCharsets.UTF_8);
    }
    KnowledgeProperties requireReview = new KnowledgeProperties(dir, Duration.ofSeconds(30), true);
    try (KnowledgeBase kb = KnowledgeBase.load(KnowledgeContent.read(requireReview))) {
      assertThat(kb.entries()).extracting(Entry::id).containsExactly("screen-time");
      assertThat(kb.search("孩子脾气太大，一不顺心就大吼大叫摔东西", Audience.PARENT).hits())
          .extracting(Hit::id)
          .containsOnly("screen-time");
    }
  }

  @Test
  void refusesToServeWhenNothingIsSignedOff() {
    KnowledgeProperties shipped = new KnowledgeProperties(null, Duration.ofSeconds(30), true);
    assertThatThrownBy(() -> KnowledgeContent.read(shipped))
        .isInstanceOf(ContentException.class)
        .hasMessageContaining("no entry has reviewed.role: counselor");
  }

  @Test
  void theShippedCopyIsReadOnlyForTheConsole() {
    ContentFolder shipped =
        new ContentFolder(new KnowledgeProperties(null, Duration.ofSeconds(30), false), null, null);
    assertThat(shipped.addQuestion("sleep-problems", "孩子晚上总是醒来哭").message()).contains("只读");
    assertThat(shipped.signOff("sleep-problems", "张老师", LocalDate.now()).done()).isFalse();
  }
}
