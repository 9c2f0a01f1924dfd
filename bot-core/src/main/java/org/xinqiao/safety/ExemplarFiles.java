package org.xinqiao.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.xinqiao.semantic.TextEmbedder;

/**
 * Reads and validates every {@code safety/examples/*.tsv}, in file-name order. A mistake fails with
 * {@code file:line: what is wrong}: a wrong number of fields, an unknown level, category or person,
 * an empty text, or the same text (after {@link TextEmbedder#canonical}) with two different levels.
 * The same text twice with the same level is kept once.
 */
final class ExemplarFiles {

  static final String DIRECTORY = "safety/examples/";
  static final List<String> HEADER =
      List.of("text", "level", "category", "person", "source", "group", "note");
  private static final Set<String> PERSONS = Set.of("self", "third", "-");

  private ExemplarFiles() {}

  /** The exemplar files on the classpath (inside the jar in production). */
  static List<Exemplar> fromClasspath() {
    try {
      Resource[] found =
          new PathMatchingResourcePatternResolver(ExemplarFiles.class.getClassLoader())
              .getResources("classpath*:" + DIRECTORY + "*.tsv");
      Arrays.sort(found, Comparator.comparing(Resource::getFilename));
      List<Exemplar> all = new ArrayList<>();
      for (Resource r : found) {
        try (Reader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
          all.addAll(read(r.getFilename(), in));
        }
      }
      return validated(all);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DIRECTORY, e);
    }
  }

  /** The exemplar files of a directory (the source tree, for {@code safety train}). */
  static List<Exemplar> fromDirectory(Path directory) {
    List<Exemplar> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
        try (Reader in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
          all.addAll(read(p.getFileName().toString(), in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory, e);
    }
    return validated(all);
  }

  /** One file's exemplars, each line checked on its own. */
  static List<Exemplar> read(String file, Reader source) {
    List<Exemplar> out = new ArrayList<>();
    boolean headerSeen = false;
    try (BufferedReader in = new BufferedReader(source)) {
      int lineNo = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (!headerSeen) {
          if (!List.of(cells).stream().map(String::strip).toList().equals(HEADER)) {
            throw error(file, lineNo, "the first line must be the header " + HEADER);
          }
          headerSeen = true;
          continue;
        }
        out.add(parse(file, lineNo, cells));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (!headerSeen) {
      throw new RiskRulesException(file + ": no header line");
    }
    return out;
  }

  private static Exemplar parse(String file, int lineNo, String[] cells) {
    if (cells.length != HEADER.size()) {
      throw error(file, lineNo, cells.length + " fields, expected " + HEADER.size());
    }
    String text = cells[0].strip();
    if (TextEmbedder.canonical(text).isEmpty()) {
      throw error(file, lineNo, "empty text");
    }
    RiskLevel level;
    Set<RiskCategory> categories = EnumSet.noneOf(RiskCategory.class);
    try {
      level = RiskLevel.fromCode(cells[1]);
      String category = cells[2].strip();
      if (!category.equals("-") && !category.isEmpty()) {
        for (String c : category.split(",")) {
          categories.add(RiskCategory.fromCode(c));
        }
      }
    } catch (IllegalArgumentException e) {
      throw error(file, lineNo, e.getMessage());
    }
    if (level != RiskLevel.NONE && categories.isEmpty()) {
      throw error(file, lineNo, "level " + level.code() + " needs a category");
    }
    String person = cells[3].strip();
    if (!PERSONS.contains(person)) {
      throw error(file, lineNo, "unknown person '" + person + "' (self, third or -)");
    }
    String group = cells[5].strip().isEmpty() ? file + ":" + lineNo : cells[5].strip();
    return new Exemplar(
        file, lineNo, text, level, categories, person, cells[4].strip(), group, cells[6].strip());
  }

  /** Across files: one level per text; exact repeats dropped, the first one kept. */
  static List<Exemplar> validated(List<Exemplar> all) {
    Map<String, Exemplar> byText = new HashMap<>();
    List<Exemplar> kept = new ArrayList<>(all.size());
    for (Exemplar e : all) {
      Exemplar earlier = byText.putIfAbsent(TextEmbedder.canonical(e.text()), e);
      if (earlier == null) {
        kept.add(e);
      } else if (earlier.level() != e.level()) {
        throw error(
            e.file(),
            e.line(),
            "the same text is "
                + earlier.level().code()
                + " at "
                + earlier.ref()
                + " and "
                + e.level().code()
                + " here");
      }
    }
    if (kept.isEmpty()) {
      throw new RiskRulesException(DIRECTORY + ": no exemplars");
    }
    return List.copyOf(kept);
  }

  private static RiskRulesException error(String file, int line, String message) {
    return new RiskRulesException(file + ":" + line + ": " + message);
  }
}
