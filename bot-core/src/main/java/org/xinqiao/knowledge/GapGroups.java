package org.xinqiao.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.xinqiao.semantic.TextEmbedder;

/**
 * Groups similar unanswered questions so an author sees "asked 12 times" once instead of twelve
 * rows: greedy clustering over the shared sentence embedding, each question joining the group whose
 * first (newest) question is most similar to it, if that cosine reaches {@link #SIMILAR}.
 * Embeddings (the one the application shares with safety and search) rather than Lucene, because
 * parents ask the same thing in different words ("食堂下周吃什么" and "学校食堂的菜单是什么" share one word). The
 * vectors are cached by the embedder, so a page view embeds only questions it has not seen.
 */
@Component
class GapGroups {

  /**
   * Measured on bge-small-zh with masked parent questions: rephrasings of one question scored 0.66
   * to 0.88, questions on different topics 0.43 to 0.56.
   */
  static final float SIMILAR = 0.64f;

  /** One group of similar questions, newest first. */
  record Group(List<KnowledgeGaps.Gap> gaps) {
    KnowledgeGaps.Gap newest() {
      return gaps.get(0);
    }

    int count() {
      return gaps.size();
    }

    /** The ids of the group's gaps, for the form that decides them all. */
    String ids() {
      return gaps.stream().map(g -> String.valueOf(g.id())).collect(Collectors.joining(","));
    }

    /** The different ways the question was asked, newest first, without repeats. */
    List<String> questions() {
      return gaps.stream().map(KnowledgeGaps.Gap::question).distinct().toList();
    }

    /** The entry search ranked first most often: the likely home for a new phrasing. */
    String likelyEntry() {
      return gaps.stream()
          .map(KnowledgeGaps.Gap::bestId)
          .filter(Objects::nonNull)
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
          .entrySet()
          .stream()
          .max(Map.Entry.comparingByValue())
          .map(Map.Entry::getKey)
          .orElse("");
    }
  }

  private final TextEmbedder embedder;

  GapGroups(TextEmbedder embedder) {
    this.embedder = embedder;
  }

  /** Groups {@code gaps} (newest first), the largest groups first. */
  List<Group> of(List<KnowledgeGaps.Gap> gaps) {
    if (gaps.isEmpty()) {
      return List.of();
    }
    List<float[]> vectors =
        embedder.embedAll(gaps.stream().map(KnowledgeGaps.Gap::question).toList());
    List<List<KnowledgeGaps.Gap>> groups = new ArrayList<>();
    List<float[]> heads = new ArrayList<>();
    for (int i = 0; i < gaps.size(); i++) {
      int best = -1;
      float bestCosine = SIMILAR;
      for (int g = 0; g < heads.size(); g++) {
        float cosine = TextEmbedder.cosine(vectors.get(i), heads.get(g));
        if (cosine >= bestCosine) {
          best = g;
          bestCosine = cosine;
        }
      }
      if (best < 0) {
        groups.add(new ArrayList<>(List.of(gaps.get(i))));
        heads.add(vectors.get(i));
      } else {
        groups.get(best).add(gaps.get(i));
      }
    }
    return groups.stream()
        .map(Group::new)
        .sorted(
            Comparator.comparingInt(Group::count)
                .reversed()
                .thenComparing(g -> g.newest().at(), Comparator.reverseOrder()))
        .toList();
  }
}
