package org.xinqiao.checkin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.xinqiao.kb.ContentError;
import org.xinqiao.kb.ContentException;
import org.xinqiao.kb.ContentFile;
import org.xinqiao.knowledge.KnowledgeProperties;
import org.xinqiao.people.Role;

/**
 * The check-ins on offer: those packaged beside the knowledge base ({@code content/checkins/}),
 * plus those in {@code checkins/} of {@code xinqiao.kb.content-dir} when set (a file there with the
 * same name replaces the packaged one). Like the knowledge base, a bad file stops the start with
 * its file and line.
 */
@Component
class CheckinCatalog {

  private static final Logger log = LoggerFactory.getLogger(CheckinCatalog.class);
  static final String FOLDER = "checkins";

  private final List<Checkin> checkins;

  CheckinCatalog(KnowledgeProperties kb) {
    this.checkins = load(files(kb.contentDir()));
    log.info("check-ins loaded: {}", checkins.size());
  }

  /** The packaged files, with those in {@code contentDir/checkins/} (when given) on top. */
  static List<ContentFile> files(Path contentDir) {
    Map<String, ContentFile> files = new TreeMap<>(fromClasspath());
    if (contentDir != null) {
      files.putAll(fromDirectory(contentDir.resolve(FOLDER)));
    }
    return List.copyOf(files.values());
  }

  /** Parses and validates every file; throws with every error found. */
  static List<Checkin> load(List<ContentFile> files) {
    List<ContentError> errors = new ArrayList<>();
    List<Checkin> loaded = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (ContentFile file : files) {
      CheckinParser.parse(file, errors)
          .ifPresent(
              c -> {
                String other = seen.putIfAbsent(c.id(), file.name());
                if (other != null) {
                  errors.add(
                      new ContentError(
                          file.name(), 1, "id '" + c.id() + "' is also used by " + other));
                } else {
                  loaded.add(c);
                }
              });
    }
    if (!errors.isEmpty()) {
      throw new ContentException(errors);
    }
    return List.copyOf(loaded);
  }

  /**
   * The check-ins a person in this role may take, in a stable order (their list numbers): those
   * written for their audience first, then those for everyone.
   */
  List<Checkin> forRole(Role role) {
    return checkins.stream()
        .filter(c -> c.audience().includes(role))
        .sorted(java.util.Comparator.comparing(c -> c.audience() == Audience.EVERYONE))
        .toList();
  }

  Optional<Checkin> find(String id) {
    return checkins.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  List<Checkin> all() {
    return checkins;
  }

  private static Map<String, ContentFile> fromClasspath() {
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:xinqiao-content/" + FOLDER + "/*.yaml");
      Map<String, ContentFile> files = new TreeMap<>();
      for (Resource r : resources) {
        try (InputStream in = r.getInputStream()) {
          String name = FOLDER + "/" + r.getFilename();
          files.put(
              name, new ContentFile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged check-ins", e);
    }
  }

  private static Map<String, ContentFile> fromDirectory(Path dir) {
    Map<String, ContentFile> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> paths = Files.list(dir)) {
      for (Path p : paths.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        String name = FOLDER + "/" + p.getFileName();
        files.put(name, new ContentFile(name, Files.readString(p, StandardCharsets.UTF_8)));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
  }
}
