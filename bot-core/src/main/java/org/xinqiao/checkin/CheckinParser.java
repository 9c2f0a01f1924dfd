package org.xinqiao.checkin;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xinqiao.kb.ContentError;
import org.xinqiao.kb.ContentFile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Turns one check-in YAML file into a {@link Checkin}, or into errors with file and line. */
final class CheckinParser {

  private static final List<String> TOP =
      List.of(
          "id", "title", "intro", "audience", "frequency", "higher", "items", "bands", "source");
  private static final List<String> ITEM = List.of("text", "options", "screen");
  private static final List<String> OPTION = List.of("text", "score", "alert");
  private static final List<String> BAND = List.of("min", "max", "label", "message", "worrying");

  /** Whether a higher total means a harder time or a better one. */
  private enum Higher {
    HARDER,
    BETTER
  }

  private CheckinParser() {}

  static Optional<Checkin> parse(ContentFile source, List<ContentError> errors) {
    int before = errors.size();
    YamlNodes y = new YamlNodes(source.name(), errors);
    Node root;
    try {
      root =
          new Yaml(new SafeConstructor(new LoaderOptions()))
              .compose(new StringReader(text(source)));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      errors.add(new ContentError(source.name(), line, "invalid YAML: " + e.getProblem()));
      return Optional.empty();
    } catch (YAMLException e) {
      errors.add(new ContentError(source.name(), 1, "invalid YAML: " + e.getMessage()));
      return Optional.empty();
    }
    if (root == null) {
      errors.add(new ContentError(source.name(), 1, "the file is empty"));
      return Optional.empty();
    }
    Optional<Map<String, Node>> top = y.mapping(root, "a check-in", TOP);
    if (top.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Node> f = top.get();
    Optional<String> id = y.text(f, "id", root);
    id.filter(v -> !v.matches("[a-z0-9][a-z0-9-]{0,40}"))
        .ifPresent(v -> y.error(f.get("id"), "'id' must be lower-case letters, digits and '-'"));
    Optional<String> title = y.text(f, "title", root);
    Optional<String> intro = y.text(f, "intro", root);
    Optional<Audience> audience = y.choice(f, "audience", root, Audience.class, null);
    Optional<Frequency> frequency = y.choice(f, "frequency", root, Frequency.class, null);
    Optional<Higher> higher = y.choice(f, "higher", root, Higher.class, "harder");
    Optional<String> licence = y.text(f, "source", root);
    List<Checkin.Item> items = new ArrayList<>();
    y.list(f, "items", root, 1, 20)
        .ifPresent(nodes -> nodes.forEach(n -> item(y, n).ifPresent(items::add)));
    List<Checkin.Band> bands = new ArrayList<>();
    List<Node> bandNodes = y.list(f, "bands", root, 1, 10).orElse(List.of());
    bandNodes.forEach(n -> band(y, n).ifPresent(bands::add));
    if (errors.size() > before) {
      return Optional.empty();
    }
    Checkin checkin =
        new Checkin(
            id.get(),
            source.name(),
            title.get(),
            intro.get(),
            audience.get(),
            frequency.get(),
            higher.get() == Higher.BETTER,
            List.copyOf(items),
            bands.stream().sorted(Comparator.comparingInt(Checkin.Band::min)).toList(),
            licence.get());
    checkCoverage(checkin, y, f.get("bands"));
    return errors.size() > before ? Optional.empty() : Optional.of(checkin);
  }

  private static Optional<Checkin.Item> item(YamlNodes y, Node node) {
    Optional<Map<String, Node>> fields = y.mapping(node, "an item", ITEM);
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Node> f = fields.get();
    Optional<String> text = y.text(f, "text", node);
    boolean screen = y.flag(f, "screen");
    List<Checkin.Option> options = new ArrayList<>();
    if (f.containsKey("options")) {
      y.list(f, "options", node, 2, 9)
          .ifPresent(nodes -> nodes.forEach(n -> option(y, n).ifPresent(options::add)));
    } else if (!screen) {
      // a free-text answer may say anything: it must be screened like any message
      y.error(node, "an item without 'options' takes free text and must say 'screen: true'");
    }
    return text.map(t -> new Checkin.Item(t, List.copyOf(options), screen));
  }

  private static Optional<Checkin.Option> option(YamlNodes y, Node node) {
    return y.mapping(node, "an option", OPTION)
        .flatMap(
            f -> {
              Optional<String> text = y.text(f, "text", node);
              Optional<Integer> score = y.integer(f, "score", node);
              boolean alert = y.flag(f, "alert");
              return text.isPresent() && score.isPresent()
                  ? Optional.of(new Checkin.Option(text.get(), score.get(), alert))
                  : Optional.empty();
            });
  }

  private static Optional<Checkin.Band> band(YamlNodes y, Node node) {
    return y.mapping(node, "a band", BAND)
        .flatMap(
            f -> {
              Optional<Integer> min = y.integer(f, "min", node);
              Optional<Integer> max = y.integer(f, "max", node);
              Optional<String> label = y.text(f, "label", node);
              Optional<String> message = y.text(f, "message", node);
              if (!f.containsKey("worrying")) {
                y.error(node, "missing required field 'worrying' (true or false)");
              }
              boolean worrying = y.flag(f, "worrying");
              if (min.isEmpty() || max.isEmpty() || label.isEmpty() || message.isEmpty()) {
                return Optional.empty();
              }
              if (min.get() > max.get()) {
                y.error(node, "band 'min' " + min.get() + " is above 'max' " + max.get());
                return Optional.empty();
              }
              return Optional.of(
                  new Checkin.Band(min.get(), max.get(), label.get(), message.get(), worrying));
            });
  }

  /** Every possible total must fall in exactly one band: no gaps, no overlaps. */
  private static void checkCoverage(Checkin c, YamlNodes y, Node bandsNode) {
    int expected = c.minScore();
    for (Checkin.Band b : c.bands()) {
      if (b.min() > expected) {
        y.error(bandsNode, "no band covers scores " + expected + " to " + (b.min() - 1));
      } else if (b.min() < expected) {
        y.error(bandsNode, "band '" + b.label() + "' overlaps the band before it");
      }
      expected = Math.max(expected, b.max() + 1);
    }
    if (expected <= c.maxScore()) {
      y.error(bandsNode, "no band covers scores " + expected + " to " + c.maxScore());
    }
    if (c.bands().get(c.bands().size() - 1).max() > c.maxScore()
        || c.bands().get(0).min() < c.minScore()) {
      y.error(
          bandsNode,
          "bands must span exactly the possible totals " + c.minScore() + " to " + c.maxScore());
    }
  }

  private static String text(ContentFile source) {
    String t = source.text();
    return t.startsWith("\uFEFF") ? t.substring(1) : t;
  }
}
