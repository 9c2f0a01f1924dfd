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
  static final String QUESTION_WORDS = "kb/question-words.txt";

  private final Map<String, Set<String>> groupsByWord;
  private final int longestWord;
  private final Set<String> questionWords;

  private Lexicon(Map<String, Set<String>> groupsByWord, Set<String> questionWords) {
    this.groupsByWord = groupsByWord;
    this.questionWords = questionWords;
    this.longestWord = groupsByWord.keySet().stream().mapToInt(String::length).max().orElse(1);
  }

  static Lexicon fromClasspath() {
    return parse(lines(RESOURCE), lines(QUESTION_WORDS));
  }

  private static List<String> lines(String resource) {
    InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is missing from the classpath");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Lexicon parse(List<String> lines, List<String> questionWordLines) {
    Set<String> questionWords = new java.util.HashSet<>();
    for (String line : questionWordLines) {
      if (!line.isBlank() && !line.strip().startsWith("#")) {
        for (String word : line.split("[,，]")) {
          questionWords.add(TextNormalizer.normalize(word).strip());
        }
      }
    }
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
    return new Lexicon(groups, questionWords);
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

  boolean contains(String word) {
    return groupsByWord.containsKey(word);
  }

  boolean isQuestionWord(String word) {
    return questionWords.contains(word);
  }

  Set<String> groupsOf(String word) {
    return groupsByWord.getOrDefault(word, Set.of());
  }
}
