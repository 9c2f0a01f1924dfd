package org.xinqiao.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The curated domain vocabulary from {@code kb/synonyms.txt}: words the segmenter must keep whole,
 * and the synonym group(s) each word belongs to. A group is named by its first word.
 */
final class Lexicon {
  static final String RESOURCE = "kb/synonyms.txt";

  private final Map<String, Set<String>> groupsByWord;
  private final int longestWord;

  private Lexicon(Map<String, Set<String>> groupsByWord) {
    this.groupsByWord = groupsByWord;
    this.longestWord = groupsByWord.keySet().stream().mapToInt(String::length).max().orElse(1);
  }

  static Lexicon fromClasspath() {
    InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is missing from the classpath");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return parse(reader.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Lexicon parse(List<String> lines) {
    Map<String, Set<String>> groups = new HashMap<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> words = new ArrayList<>();
      for (String word : line.split("[,，]")) {
        String normal = TextNormalizer.normalize(word).strip();
        if (!normal.isEmpty()) {
          words.add(normal);
        }
      }
      if (words.isEmpty()) {
        continue;
      }
      String group = words.get(0);
      for (String word : words) {
        Set<String> of = groups.computeIfAbsent(word, w -> new LinkedHashSet<>());
        if (words.size() > 1) {
          of.add(group);
        }
      }
    }
    return new Lexicon(groups);
  }

  /** The longest lexicon word starting at {@code start}, or null. */
  String longestMatch(String text, int start) {
    int max = Math.min(longestWord, text.length() - start);
    for (int length = max; length >= 1; length--) {
      String candidate = text.substring(start, start + length);
      if (groupsByWord.containsKey(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  Set<String> groupsOf(String word) {
    return groupsByWord.getOrDefault(word, Set.of());
  }
}
