package org.xinqiao.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.xinqiao.kb.ContentEdits;
import org.xinqiao.kb.ContentError;
import org.xinqiao.kb.ContentFile;
import org.xinqiao.kb.DirectoryContent;
import org.xinqiao.kb.KnowledgeBase;
import org.xinqiao.kb.Review;
import org.xinqiao.kb.ReviewedContent;
import org.xinqiao.store.SharedState;
import org.xinqiao.text.PersonalDetails;

/**
 * The console's writes into {@code xinqiao.kb.content-dir}: a phrasing added to an entry, a
 * counselor's sign-off, out-of-scope questions for the calibration set. Every change is validated
 * with the whole folder before it is written (atomically, file by file), and the knowledge base is
 * reloaded at once. Without a content folder nothing is written: the copy inside the jar is
 * read-only. Several instances may share one folder: every read-change-write holds a lock in the
 * shared store, so two authors saving at once on two instances never lose each other's change.
 */
@Component
class ContentFolder {

  /** Beside the entries; the format of the knowledge base's {@code kb/calibration.tsv}. */
  static final String CALIBRATION_ADDITIONS = "calibration-additions.tsv";

  static final int MAX_QUESTION_CHARS = 80;

  /** The shared-store lock every instance takes before it reads, changes and writes the folder. */
  static final String LOCK = "kb:content-dir:write";

  /**
   * Longer than a validate-and-write takes (a few hundred ms under load); a holder that dies frees
   * the folder after it.
   */
  private static final Duration LEASE = Duration.ofSeconds(30);

  /** How long an author's save waits for another instance's save before it is refused. */
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static final long RETRY_MILLIS = 25;

  /** What happened, in words for the console. */
  record Outcome(boolean done, String message) {
    static Outcome refused(String message) {
      return new Outcome(false, message);
    }
  }

  private final KnowledgeProperties properties;
  private final KnowledgeLibrary library;
  private final SharedState shared;

  ContentFolder(KnowledgeProperties properties, KnowledgeLibrary library, SharedState shared) {
    this.properties = properties;
    this.library = library;
    this.shared = shared;
  }

  boolean writable() {
    return properties.contentDir() != null;
  }

  Outcome addQuestion(String entryId, String question) {
    String q = question == null ? "" : question.strip();
    int length = q.codePointCount(0, q.length());
    if (length < 4 || length > MAX_QUESTION_CHARS || q.matches("(?s).*[\\t\\r\\n].*")) {
      return Outcome.refused("问法要在一行之内，4 到 " + MAX_QUESTION_CHARS + " 个字。");
    }
    if (q.contains(PersonalDetails.MASK)) {
      return Outcome.refused("问法里还有被隐藏的部分（＊），请先改写成一般的说法，例如“孩子考试没考好”。");
    }
    return locked(
        () -> {
          Optional<String> already =
              allEntries().stream()
                  .filter(e -> e.questions().stream().anyMatch(x -> x.strip().equals(q)))
                  .map(org.xinqiao.kb.Entry::id)
                  .findFirst();
          if (already.isPresent()) {
            return Outcome.refused("这个问法已经在条目 " + already.get() + " 里了。");
          }
          return edit(
              entryId,
              file -> ContentEdits.addQuestion(file, q),
              "已把问法加入条目 " + entryId + "，知识库已重新加载。");
        });
  }

  Outcome signOff(String entryId, String counselor, LocalDate on) {
    Review review = new Review(on, counselor, Review.COUNSELOR);
    return locked(
        () ->
            edit(
                entryId,
                file -> ContentEdits.signOff(file, review),
                "条目 " + entryId + " 已由 " + counselor + " 签字确认（" + on + "），知识库已重新加载。"));
  }

  /** Appends {@code question<TAB>label} lines the calibration set does not have yet. */
  Outcome addToCalibration(List<String> questions, String label) {
    if (!writable()) {
      return readOnly();
    }
    return locked(() -> appendToCalibration(questions, label));
  }

  private Outcome appendToCalibration(List<String> questions, String label) {
    Path file = properties.contentDir().resolve(CALIBRATION_ADDITIONS);
    try {
      List<String> existing =
          Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
      StringBuilder lines = new StringBuilder();
      existing.forEach(line -> lines.append(line).append('\n'));
      if (existing.isEmpty()) {
        lines.append(
            "# Questions content authors marked out of scope in the console (masked). Same format as\n"
                + "# the knowledge base's kb/calibration.tsv: question<TAB>label, label - (no entry\n"
                + "# answers it) or admin (school administration). Merge there and refit the gate.\n");
      }
      int added = 0;
      for (String q :
          questions.stream().map(s -> s.replaceAll("\\s+", " ").strip()).distinct().toList()) {
        String line = q + "\t" + label;
        if (!q.isEmpty() && !existing.contains(line)) {
          lines.append(line).append('\n');
          added++;
        }
      }
      write(file, lines.toString());
      return new Outcome(true, "已把 " + added + " 个问题加入 " + CALIBRATION_ADDITIONS + "，用于重新校准。");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Runs a read-change-write holding the folder's lock in the shared store (and this instance's
   * monitor); refused politely when another instance keeps it longer than {@link #WAIT}.
   */
  private synchronized Outcome locked(Supplier<Outcome> change) {
    if (!writable()) {
      return readOnly();
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Optional<SharedState.SharedLock> lock = shared.tryLock(LOCK, LEASE);
      if (lock.isPresent()) {
        try (SharedState.SharedLock held = lock.get()) {
          return change.get();
        }
      }
      if (System.nanoTime() > deadline) {
        return Outcome.refused("另一位同事正在修改内容文件夹，这次没有保存。请稍等几秒再试一次。");
      }
      try {
        Thread.sleep(RETRY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Outcome.refused("这次没有保存，请再试一次。");
      }
    }
  }

  private Outcome edit(String entryId, UnaryOperator<ContentFile> change, String doneMessage) {
    if (!writable()) {
      return readOnly();
    }
    if (entryId == null || !entryId.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      return Outcome.refused("没有这个条目。");
    }
    Path dir = properties.contentDir();
    List<ContentFile> files = new ArrayList<>(DirectoryContent.read(dir));
    int index = -1;
    for (int i = 0; i < files.size(); i++) {
      if (files.get(i).name().equals(entryId + ".md")) {
        index = i;
      }
    }
    if (index < 0) {
      return Outcome.refused("内容文件夹里没有条目 " + entryId + "。");
    }
    ContentFile changed = change.apply(files.get(index));
    files.set(index, changed);
    List<ContentError> errors = KnowledgeBase.validate(files);
    if (!errors.isEmpty()) {
      return Outcome.refused("改动没有保存，因为内容检查没有通过：" + summary(errors));
    }
    write(dir.resolve(changed.name()), changed.text());
    List<ContentError> reload = library.reload();
    return reload.isEmpty()
        ? new Outcome(true, doneMessage)
        : new Outcome(true, "已保存，但重新加载没有成功，仍在使用原来的版本：" + summary(reload));
  }

  /** Every entry in the folder (or the jar), served or not, e.g. to list what awaits sign-off. */
  List<org.xinqiao.kb.Entry> allEntries() {
    return ReviewedContent.entries(KnowledgeContent.all(properties));
  }

  private static Outcome readOnly() {
    return Outcome.refused(
        "现在用的是程序自带的知识库，它是只读的。请管理员设置 xinqiao.kb.content-dir，指向一份内容文件夹的副本，再在这里修改。");
  }

  private static String summary(List<ContentError> errors) {
    return errors.stream().limit(3).map(ContentError::toString).collect(Collectors.joining("；"));
  }

  /** Written beside the target and moved over it, so a reader never sees half a file. */
  private static void write(Path target, String text) {
    try {
      Path temp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".saving");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
