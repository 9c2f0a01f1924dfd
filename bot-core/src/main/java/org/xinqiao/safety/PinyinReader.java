package org.xinqiao.safety;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a message typed in full pinyin ("wo bu xiang huo le", "woxiangsi") back into characters, so
 * that the rules and the embedding, which both read characters, see what was meant. The characters
 * and their order come from the exemplar texts: each character's reading is taken from ICU's
 * Han-Latin transliterator, and a character bigram model over the exemplars picks, syllable by
 * syllable, the most likely characters (Viterbi). Only messages that are almost entirely pinyin are
 * read; English and mixed messages are left as they are.
 */
final class PinyinReader {

  private static final Pattern WORD = Pattern.compile("[a-z]+");
  private static final int MAX_SYLLABLES = 60;
  private static final double SMOOTHING = 0.1;

  private final Map<String, List<Character>> byReading;
  private final Map<Character, Integer> unigram;
  private final Map<Integer, Integer> bigram; // packed pair of chars -> count
  private final int total;
  private final Set<String> syllables;
  private final int longest;

  private PinyinReader(List<String> corpus, Map<Character, String> readings) {
    Map<Character, Integer> counts = new HashMap<>();
    Map<Integer, Integer> pairs = new HashMap<>();
    int sum = 0;
    for (String text : corpus) {
      char previous = 0;
      for (char c : text.toCharArray()) {
        if (!isHan(c)) {
          previous = 0;
          continue;
        }
        counts.merge(c, 1, Integer::sum);
        sum++;
        if (previous != 0) {
          pairs.merge(pack(previous, c), 1, Integer::sum);
        }
        previous = c;
      }
    }
    Map<String, List<Character>> byReading = new HashMap<>();
    counts.keySet().stream()
        .sorted()
        .forEach(
            c -> {
              String reading = readings.get(c);
              if (reading != null) {
                byReading.computeIfAbsent(reading, r -> new ArrayList<>()).add(c);
              }
            });
    this.byReading = byReading;
    this.unigram = counts;
    this.bigram = pairs;
    this.total = Math.max(1, sum);
    this.syllables = byReading.keySet();
    this.longest = syllables.stream().mapToInt(String::length).max().orElse(1);
  }

  static PinyinReader from(List<String> corpus, Map<Character, String> readings) {
    return new PinyinReader(corpus, readings);
  }

  /**
   * The toneless pinyin of every Han character of the corpus, from ICU's Han-Latin transliterator.
   * Building that transliterator takes seconds, so this runs at training time and the table ships
   * as {@value #FILE}.
   */
  static Map<Character, String> readings(List<String> corpus) {
    java.util.TreeSet<Character> chars = new java.util.TreeSet<>();
    corpus.forEach(t -> t.chars().filter(c -> isHan((char) c)).forEach(c -> chars.add((char) c)));
    Transliterator toLatin = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
    Map<Character, String> out = new java.util.TreeMap<>();
    for (char c : chars) {
      String reading = toLatin.transliterate(String.valueOf(c)).strip();
      if (WORD.matcher(reading).matches()) {
        out.put(c, reading);
      }
    }
    return out;
  }

  static final String FILE = "readings.tsv";

  static void write(Map<Character, String> readings, java.io.Writer out)
      throws java.io.IOException {
    out.write("# character, toneless pinyin (ICU Han-Latin), written by safety train\n");
    for (Map.Entry<Character, String> e : readings.entrySet()) {
      out.write(e.getKey() + "\t" + e.getValue() + "\n");
    }
    out.flush();
  }

  static Map<Character, String> read(java.io.Reader source) throws java.io.IOException {
    Map<Character, String> out = new HashMap<>();
    java.io.BufferedReader in = new java.io.BufferedReader(source);
    for (String line; (line = in.readLine()) != null; ) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t");
      if (cells.length != 2 || cells[0].length() != 1 || !WORD.matcher(cells[1]).matches()) {
        throw new RiskRulesException(FILE + ": bad line '" + line + "'");
      }
      out.put(cells[0].charAt(0), cells[1]);
    }
    return out;
  }

  /** The message in characters, or null when it is not (almost) entirely pinyin. */
  String read(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    s = s.toLowerCase(Locale.ROOT).replaceAll("[0-9]", " ");
    String letters = s.replaceAll("[^a-z]", "");
    String rest = s.replaceAll("[a-z\\s\\p{P}]", "");
    if (letters.length() < 4 || rest.length() > 0) {
      return null;
    }
    List<String> split = new ArrayList<>();
    var m = WORD.matcher(s);
    while (m.find()) {
      List<String> parts = segment(m.group());
      if (parts == null) {
        return null; // a word that is not pinyin: English, a name, a typo
      }
      split.addAll(parts);
    }
    if (split.size() < 2 || split.size() > MAX_SYLLABLES) {
      return null;
    }
    return decode(split);
  }

  /** Fewest syllables that spell the word exactly, or null. */
  private List<String> segment(String word) {
    int n = word.length();
    int[] best = new int[n + 1];
    int[] from = new int[n + 1];
    java.util.Arrays.fill(best, Integer.MAX_VALUE);
    best[0] = 0;
    for (int i = 0; i < n; i++) {
      if (best[i] == Integer.MAX_VALUE) {
        continue;
      }
      for (int len = 1; len <= longest && i + len <= n; len++) {
        if (syllables.contains(word.substring(i, i + len)) && best[i] + 1 < best[i + len]) {
          best[i + len] = best[i] + 1;
          from[i + len] = i;
        }
      }
    }
    if (best[n] == Integer.MAX_VALUE) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = n; i > 0; i = from[i]) {
      out.add(0, word.substring(from[i], i));
    }
    return out;
  }

  private String decode(List<String> syllables) {
    List<List<Character>> options = syllables.stream().map(byReading::get).toList();
    double[] score = new double[options.get(0).size()];
    List<int[]> back = new ArrayList<>();
    for (int j = 0; j < score.length; j++) {
      score[j] = Math.log(probability(options.get(0).get(j)));
    }
    for (int t = 1; t < options.size(); t++) {
      List<Character> now = options.get(t);
      List<Character> before = options.get(t - 1);
      double[] next = new double[now.size()];
      int[] from = new int[now.size()];
      for (int j = 0; j < now.size(); j++) {
        next[j] = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < before.size(); i++) {
          double s = score[i] + Math.log(transition(before.get(i), now.get(j)));
          if (s > next[j]) {
            next[j] = s;
            from[j] = i;
          }
        }
      }
      back.add(from);
      score = next;
    }
    int best = 0;
    for (int j = 1; j < score.length; j++) {
      if (score[j] > score[best]) {
        best = j;
      }
    }
    char[] out = new char[options.size()];
    for (int t = options.size() - 1; t >= 0; t--) {
      out[t] = options.get(t).get(best);
      if (t > 0) {
        best = back.get(t - 1)[best];
      }
    }
    return new String(out);
  }

  private double probability(char c) {
    return (unigram.getOrDefault(c, 0) + SMOOTHING) / total;
  }

  /** P(b | a), backed off to P(b) for pairs never seen. */
  private double transition(char a, char b) {
    int pair = bigram.getOrDefault(pack(a, b), 0);
    int first = unigram.getOrDefault(a, 0);
    return (pair + SMOOTHING * probability(b) * 100) / (first + SMOOTHING * 100);
  }

  private static int pack(char a, char b) {
    return (a << 16) | b;
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
