package org.xinqiao.safety;

import java.util.Locale;
import java.util.Objects;

/**
 * One reason an assessment is at its level, for the counselor and the audit log. Never holds the
 * message text: {@code ref} names a rule id, an exemplar by file and line ({@code
 * suicide-self.tsv:42}), the trained head, or the context view.
 *
 * @param layer which layer spoke
 * @param ref what in that layer: a rule id, an exemplar reference, or the head's class
 * @param score 1 for a rule; the cosine similarity for an exemplar; the probability for the head;
 *     the joined score for context
 */
public record Reason(Layer layer, String ref, double score) {

  /** The layers of the detector (DESIGN.md "Safety, version 2"), each only able to raise. */
  public enum Layer {
    /** An explicit rule of lexicon.tsv or a context rule of the assessor. */
    RULE,
    /** A nearest labelled exemplar of safety/examples/*.tsv. */
    EXEMPLAR,
    /** The linear head trained on the exemplar embeddings. */
    HEAD,
    /** The semantic view of the person's last few messages read together. */
    CONTEXT;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Reason {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(ref, "ref");
  }

  static Reason rule(String id) {
    return new Reason(Layer.RULE, id, 1.0);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s:%s:%.3f", layer.code(), ref, score);
  }
}
