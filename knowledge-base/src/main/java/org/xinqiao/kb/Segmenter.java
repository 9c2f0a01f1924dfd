package org.xinqiao.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Chinese analysis that does not break domain words: the curated {@link Lexicon} is matched first
 * (forward maximum matching, words of two or more characters), and only the text between those
 * words goes to smartcn. Thread-safe.
 */
final class Segmenter implements AutoCloseable {
  /** Particles and pronouns that carry no topic. */
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "的", "了", "吗", "呢", "啊", "吧", "呀", "么", "嘛", "哦", "哈", "啦", "是", "在", "我", "你", "他", "她",
          "它", "我们", "你们", "他们", "就", "都", "也", "还", "又", "很", "太", "和", "跟", "与", "把", "给", "让",
          "着", "过", "这", "那", "这个", "那个", "一个", "个", "请问", "您好", "你好", "老是", "总是", "一直", "经常", "有点",
          "有些", "比较", "特别", "非常", "好", "要", "会", "能", "可以");

  private final Lexicon lexicon;
  private final Analyzer smartcn = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);

  Segmenter(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  Lexicon lexicon() {
    return lexicon;
  }

  AnalyzedText analyze(String rawText) {
    String text = TextNormalizer.normalize(rawText);
    List<String> words = new ArrayList<>();
    StringBuilder gap = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      String match = lexicon.longestMatch(text, i);
      if (match != null && match.length() >= 2) {
        flush(gap, words);
        words.add(match);
        i += match.length();
      } else {
        gap.append(text.charAt(i));
        i++;
      }
    }
    flush(gap, words);
    Set<String> concepts = new LinkedHashSet<>();
    for (String word : words) {
      concepts.addAll(lexicon.groupsOf(word));
    }
    return new AnalyzedText(words, List.copyOf(concepts), bigrams(text));
  }

  private void flush(StringBuilder gap, List<String> words) {
    if (gap.isEmpty()) {
      return;
    }
    try (TokenStream stream = smartcn.tokenStream("w", gap.toString())) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String word = term.toString();
        if (isContent(word)) {
          words.add(word);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    gap.setLength(0);
  }

  private static boolean isContent(String word) {
    if (FUNCTION_WORDS.contains(word)) {
      return false;
    }
    return word.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /** Overlapping pairs of Han characters within each run; a lone character stands for itself. */
  static List<String> bigrams(String text) {
    List<String> result = new ArrayList<>();
    int runStart = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean han =
          i < text.length()
              && Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN;
      if (han && runStart < 0) {
        runStart = i;
      } else if (!han && runStart >= 0) {
        if (i - runStart == 1) {
          result.add(text.substring(runStart, i));
        }
        for (int j = runStart; j + 2 <= i; j++) {
          result.add(text.substring(j, j + 2));
        }
        runStart = -1;
      }
    }
    return result;
  }

  @Override
  public void close() {
    smartcn.close();
  }
}
