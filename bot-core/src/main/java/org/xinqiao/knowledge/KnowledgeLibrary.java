package org.xinqiao.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.xinqiao.kb.ContentError;
import org.xinqiao.kb.KnowledgeBase;
import org.xinqiao.semantic.TextEmbedder;

/**
 * Owns the running knowledge base: loads it at start-up (a bad file there stops the start, with
 * file and line), reloads on command or when the configured folder changes, and keeps serving the
 * old index when a reload finds errors.
 */
@Service
@EnableConfigurationProperties(KnowledgeProperties.class)
public class KnowledgeLibrary implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(KnowledgeLibrary.class);

  private final KnowledgeProperties properties;
  private final KnowledgeBase knowledgeBase;
  private final ScheduledExecutorService watcher;
  private volatile FileTime lastSeen;

  KnowledgeLibrary(KnowledgeProperties properties, TextEmbedder embedder) {
    this.properties = properties;
    long start = System.nanoTime();
    this.knowledgeBase = KnowledgeBase.load(KnowledgeContent.read(properties), embedder);
    log.info(
        "knowledge base loaded: {} entries, embedded and indexed in {} ms",
        knowledgeBase.entries().size(),
        (System.nanoTime() - start) / 1_000_000);
    if (properties.contentDir() != null) {
      lastSeen = newestChange(properties.contentDir());
      watcher =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "kb-content-watcher");
                t.setDaemon(true);
                return t;
              });
      long every = properties.watchInterval().toMillis();
      watcher.scheduleWithFixedDelay(this::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
    } else {
      watcher = null;
    }
  }

  public KnowledgeBase knowledgeBase() {
    return knowledgeBase;
  }

  /** Reloads the content; the errors found (the running index is unchanged then). */
  public List<ContentError> reload() {
    List<ContentError> errors = knowledgeBase.reload(KnowledgeContent.read(properties));
    if (errors.isEmpty()) {
      log.info("knowledge base reloaded: {} entries", knowledgeBase.entries().size());
    } else {
      log.warn("knowledge base reload refused, still serving the previous index: {}", errors);
    }
    return errors;
  }

  private void reloadIfChanged() {
    try {
      FileTime newest = newestChange(properties.contentDir());
      if (newest != null && !newest.equals(lastSeen)) {
        lastSeen = newest;
        reload();
      }
    } catch (RuntimeException e) {
      log.warn("knowledge base folder check failed: {}", e.toString());
    }
  }

  private static FileTime newestChange(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(
              p -> {
                try {
                  return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                  return FileTime.fromMillis(0);
                }
              })
          .max(FileTime::compareTo)
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void destroy() {
    if (watcher != null) {
      watcher.shutdownNow();
    }
    knowledgeBase.close();
  }
}
