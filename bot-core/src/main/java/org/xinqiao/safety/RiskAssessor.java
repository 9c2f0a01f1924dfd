package org.xinqiao.safety;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.xinqiao.semantic.TextEmbedder;

/**
 * Decides how much attention a message needs. Thread-safe and free of Spring, so the batch CLI can
 * use it without the server. The knowledge lives in the data files (see {@link RiskRules}), read by
 * {@link RuleMatcher} (normalise, remove traps, rewrite aliases, match rules, soften negated
 * matches, never below concern); this class then looks at the person's recent messages. Only
 * concern that {@linkplain RiskAssessment#repeats() repeats} (the writer's own distress) adds up to
 * high.
 *
 * <p>After the rules, the {@link SemanticLayer} (nearest exemplars and a trained head) may raise
 * the level, alone and over the person's last few texts read together; it never lowers what a rule
 * said and never silences a rule. Between its "ask" and "raise" thresholds it sets {@link
 * RiskAssessment#ask()}: the bot should ask one direct question.
 */
public final class RiskAssessor {

  /** How many of the recent assessments count, newest last. */
  static final int WINDOW = 10;

  /** Concern messages in the window (this one included) that together make high. */
  static final int REPEATED_CONCERN = 3;

  /** How many texts (the earlier ones and this one) the context view reads together. */
  static final int TOGETHER = 3;

  /** How many of the latest earlier assessments carry their risk over to this message. */
  static final int CARRY = 3;

  /** Rule ids of risk carried over from an earlier message (the level is not this text's own). */
  static final String CARRIED_OVER = "context.risk-carries-over";

  static final String CARRIED_PAST_RETRACTION = "context.retraction-keeps-risk";

  /**
   * How many texts' context-free assessments are kept. Each message re-reads the person's earlier
   * texts of the day on their own (their levels are its context): without these, every rule and the
   * exemplar search ran again over each of them at every new message.
   */
  static final int ALONE_KEPT = 10_000;

  private final RiskRules rules;
  private final RuleMatcher matcher;
  private final SemanticLayer semantic;

  /**
   * Context-free assessments by exact text (the rules read the text as written). Replaced, never
   * cleared, when reviewed exemplars change the semantic layer: an assessment still being computed
   * against the old exemplars lands in the discarded cache.
   */
  private volatile Cache<String, RiskAssessment> alone = newAloneCache();

  /** The given rules alone (tests of the rule files, training's baseline). */
  RiskAssessor(RiskRules rules) {
    this(rules, null);
  }

  RiskAssessor(RiskRules rules, SemanticLayer semantic) {
    this.rules = rules;
    this.matcher = new RuleMatcher(rules);
    this.semantic = semantic;
  }

  /**
   * Loads and validates the rule files, the exemplars and the model under {@code safety/} on the
   * classpath, with the embedder shared by everything in this JVM.
   */
  /** The semantic layer, or null for the rules alone (tests read it). */
  SemanticLayer semantic() {
    return semantic;
  }

  public static RiskAssessor fromClasspath() {
    return fromClasspath(TextEmbedder.shared());
  }

  /** As {@link #fromClasspath()}, embedding with the given (shared) embedder. */
  public static RiskAssessor fromClasspath(TextEmbedder embedder) {
    return new RiskAssessor(RiskRules.fromClasspath(), SemanticLayer.fromClasspath(embedder));
  }

  /** The explicit rules alone: for training, which measures what the semantic layer adds. */
  static RiskAssessor rulesOnly() {
    return new RiskAssessor(RiskRules.fromClasspath());
  }

  /** The text on its own, without context: the same text always gets the same assessment. */
  public RiskAssessment assess(String text) {
    if (text == null) {
      return assess(text, List.of(), List.of());
    }
    Cache<String, RiskAssessment> cache = alone;
    RiskAssessment known = cache.getIfPresent(text);
    if (known == null) {
      known = assess(text, List.of(), List.of());
      cache.put(text, known);
    }
    return known;
  }

  /**
   * A text is re-read as context only within {@link SafetyResponder#CONTEXT_WINDOW}, so it is not
   * held in memory longer than that: these are children's messages.
   */
  private static Cache<String, RiskAssessment> newAloneCache() {
    return Caffeine.newBuilder()
        .maximumSize(ALONE_KEPT)
        .expireAfterWrite(SafetyResponder.CONTEXT_WINDOW)
        .build();
  }

  /**
   * @param recent this person's earlier assessments, oldest first (only the last {@value #WINDOW}
   *     count); the caller decides the time window, e.g. the last 24 hours
   */
  public RiskAssessment assess(String text, List<RiskAssessment> recent) {
    return assess(text, recent, List.of());
  }

  /**
   * @param recent this person's earlier assessments, oldest first (only the last {@value #WINDOW}
   *     count); the caller decides the time window, e.g. the last 24 hours
   * @param recentTexts the same person's earlier texts in that window, oldest first: the last
   *     {@value #TOGETHER} texts (this one included) are also read together by the semantic layer
   */
  public RiskAssessment assess(String text, List<RiskAssessment> recent, List<String> recentTexts) {
    RiskAssessment direct = assessOnce(text, recent, recentTexts);
    String hanzi = semantic == null || text == null ? null : semantic.readPinyin(text);
    if (hanzi == null) {
      return direct;
    }
    // a full-pinyin message is also read in characters; the reading can only add to the verdict
    RiskAssessment read = assessOnce(hanzi, recent, recentTexts);
    if (!read.level().atLeast(direct.level()) || (read.level() == direct.level() && !read.ask())) {
      return direct;
    }
    Set<RiskCategory> categories = EnumSet.noneOf(RiskCategory.class);
    categories.addAll(direct.categories());
    categories.addAll(read.categories());
    List<String> ids = new ArrayList<>(direct.ruleIds());
    read.ruleIds().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
    List<Reason> why = new ArrayList<>(direct.why());
    why.add(Reason.rule("context.read-as-pinyin"));
    why.addAll(read.why());
    return new RiskAssessment(
        read.level(), categories, ids, direct.repeats() || read.repeats(), read.ask(), why);
  }

  private RiskAssessment assessOnce(
      String text, List<RiskAssessment> recent, List<String> recentTexts) {
    String prepared = matcher.prepare(text == null ? "" : text);
    RuleMatcher.Reading byRules = matcher.read(prepared);
    RiskLevel level = byRules.level();
    boolean repeats = byRules.repeats();
    Set<RiskCategory> categories = EnumSet.noneOf(RiskCategory.class);
    categories.addAll(byRules.categories());
    List<String> ids = new ArrayList<>(byRules.ids());
    List<Reason> why = new ArrayList<>(ids.stream().map(Reason::rule).toList());
    boolean ask = false;
    // a menu choice or a check-in answer ("4", "2。") has nothing for the embedding to read, and a
    // bare digit must not look to it like a homophone ("4" for 死)
    boolean readable = semantic != null && hasWords(text);
    if (readable && ids.stream().anyMatch(id -> id.endsWith("(negated)"))) {
      // "我没有想死": the rules read a negation the embedding cannot; the layer may only ask
      ask = semantic.judge(text == null ? "" : text).score() >= semantic.settings().ask();
      if (ask) {
        why.add(new Reason(Reason.Layer.HEAD, "negated: ask", semantic.settings().ask()));
      }
    } else if (readable) {
      Raised raised = raise(text == null ? "" : text, recentTexts, level, categories, why);
      level = raised.level();
      ask = raised.ask();
    }
    List<RiskAssessment> window =
        recent.subList(Math.max(0, recent.size() - WINDOW), recent.size());
    boolean retracts = rules.retraction().matcher(prepared).find();
    // "开玩笑的" never closes risk, nor does an ordinary next line ("好的", "晚安") a moment after
    // it: only a human does. The caller leaves out what came before a counselor closed a case.
    List<RiskAssessment> earlier =
        retracts ? window : window.subList(Math.max(0, window.size() - CARRY), window.size());
    RiskLevel own = level;
    boolean carries =
        earlier.stream().anyMatch(e -> e.atLeast(RiskLevel.HIGH) && !own.atLeast(e.level()));
    // read together only when something would carry: most messages follow nothing risky; and
    // "我在天台" then "帮我妈收被子", read together, leave nothing to carry
    if (carries
        && (retracts
            || asksSomethingElse(text)
            || !settledTogether(text == null ? "" : text, recentTexts))) {
      for (RiskAssessment e : earlier) {
        if (e.atLeast(RiskLevel.HIGH) && !level.atLeast(e.level())) {
          level = e.level();
          categories.addAll(e.categories());
        }
      }
      ask = false;
      String carry = retracts ? CARRIED_PAST_RETRACTION : CARRIED_OVER;
      ids.add(carry);
      why.add(Reason.rule(carry));
    }
    if (level == RiskLevel.CONCERN && repeats) {
      // only the writer's own distress adds up: a parent asking about a child, a bullying report
      // or a symptom asked about is answered, offered the counselor, and not counted
      long concerns =
          window.stream().filter(a -> a.atLeast(RiskLevel.CONCERN) && a.repeats()).count() + 1;
      if (concerns >= REPEATED_CONCERN) {
        level = RiskLevel.HIGH;
        ids.add("context.repeated-concern");
        why.add(Reason.rule("context.repeated-concern"));
      }
    }
    return level == RiskLevel.NONE && !ask
        ? RiskAssessment.NONE
        : new RiskAssessment(level, categories, ids, repeats, ask, why);
  }

  /**
   * A question ("下节课是数学吗", "周五几点放学", "what time does it start") turns to something else: it never
   * explains an earlier risk away, only a statement can ("帮我妈收被子呢"). Read together, a question
   * dilutes the risky line before it as much as an explanation does, so without this "我真的好想死掉" then
   * "下节课是数学吗" was settled.
   */
  static final Pattern QUESTION =
      Pattern.compile(
          "[?？]|[吗么][\\s。！!~～…]*$|几点|什么时候|哪天|哪里|哪儿|在哪|多少|能不能|可不可以|有没有"
              + "|(?i)^\\W*(what|when|where|which|who|how|is|are|do|does|can|could|will|should)\\b"
              + "|(?i)\\bwhat time\\b");

  static boolean asksSomethingElse(String text) {
    // NFKC (full-width ？ and letters), not TextNormalizer, which drops the spaces between words
    return text != null
        && QUESTION
            .matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).strip())
            .find();
  }

  /**
   * Whether this text and the ones before it, read together, no longer carry any risk (their score
   * is below the asking band): the next line explained the earlier one. Never for a retraction
   * ("开玩笑的"), which the caller keeps apart.
   */
  private boolean settledTogether(String text, List<String> recentTexts) {
    if (semantic == null || recentTexts.isEmpty()) {
      return false;
    }
    return semantic.judgeTogether(together(recentTexts, text)).score() < semantic.settings().ask();
  }

  /**
   * The last {@value #TOGETHER} texts of the person, this one last: what the context view reads.
   */
  private static List<String> together(List<String> recentTexts, String text) {
    List<String> together =
        new ArrayList<>(
            recentTexts.subList(
                Math.max(0, recentTexts.size() - (TOGETHER - 1)), recentTexts.size()));
    together.add(text);
    return together;
  }

  private static final Pattern NO_WORDS = Pattern.compile("[\\p{N}\\p{P}\\p{Z}\\s]*");

  /** Whether the text has anything but digits, punctuation and spaces. */
  static boolean hasWords(String text) {
    return text != null && !NO_WORDS.matcher(text).matches();
  }

  private record Raised(RiskLevel level, boolean ask) {}

  /**
   * The semantic layer on this text, then on the last {@value #TOGETHER} texts read together (which
   * raise to high at most, and only when this text itself carries some signal). Only raises.
   */
  private Raised raise(
      String text,
      List<String> recentTexts,
      RiskLevel level,
      Set<RiskCategory> categories,
      List<Reason> why) {
    SemanticLayer.Verdict alone = semantic.judge(text);
    RiskLevel raised = level;
    if (alone.level().atLeast(RiskLevel.HIGH) && !level.atLeast(alone.level())) {
      raised = alone.level();
      categories.addAll(alone.categories());
      why.addAll(alone.why());
    }
    boolean ask = alone.ask() && !raised.atLeast(RiskLevel.HIGH);
    if (ask) {
      why.addAll(alone.why());
    }
    boolean signal =
        level.atLeast(RiskLevel.CONCERN) || alone.score() >= semantic.settings().contextFloor();
    if (!recentTexts.isEmpty() && signal && !raised.atLeast(RiskLevel.HIGH)) {
      SemanticLayer.Verdict joined = semantic.judgeTogether(together(recentTexts, text));
      if (joined.level().atLeast(RiskLevel.HIGH)) {
        raised = RiskLevel.HIGH;
        categories.addAll(joined.categories());
        why.addAll(joined.why());
        ask = false;
      } else if (joined.ask() && !ask) {
        ask = true;
        why.addAll(joined.why());
      }
    }
    return new Raised(raised, ask && !raised.atLeast(RiskLevel.HIGH));
  }

  // ---- Reviewed exemplars (issue 9 item 7): the console's hook into the semantic layer ----------

  /** Adds counselor-accepted exemplars to the nearest-exemplar index (no-op on rules alone). */
  void addReviewed(List<Exemplar> accepted) {
    if (semantic != null) {
      semantic.addReviewed(accepted);
      alone = newAloneCache();
    }
  }

  /** The text of the exemplar named by a reason ({@code file:line} or {@code reviewed:N}). */
  java.util.Optional<String> exemplarText(String ref) {
    return semantic == null ? java.util.Optional.empty() : semantic.exemplarText(ref);
  }
}
