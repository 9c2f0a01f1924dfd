package org.xinqiao.safety;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The knowledge of the safety check, loaded from four data files under {@code safety/} and
 * validated as a whole: macros.tsv (named pattern pieces such as {THIRD}), traps.tsv (harmless
 * phrases removed first), aliases.tsv (homophones, pinyin, emoji rewritten to plain words) and
 * lexicon.tsv (the risk rules). See safety/README.md for the format.
 */
record RiskRules(
    List<Pattern> traps,
    List<Alias> aliases,
    List<Rule> rules,
    Pattern negation,
    Pattern retraction,
    Pattern thirdPerson,
    Pattern firstPerson,
    Pattern advice) {

  static final String DIRECTORY = "safety/";
  private static final Pattern MACRO = Pattern.compile("\\{([A-Z][A-Z_]*)}");

  record Alias(Pattern pattern, String replacement) {}

  enum Person {
    /** The writer speaks of themselves: the nearest subject before the match is not {THIRD}. */
    SELF,
    /** A {THIRD} subject (孩子, 女儿, 学生 ...) comes before the match. */
    THIRD,
    ANY
  }

  /** Whether a concern from this rule counts toward "three concerns in the window make high". */
  enum Repeat {
    /** Counts, unless the message asks for advice about someone else (孩子说她好痛苦，怎么帮她). */
    YES,
    /** Counts only when the writer states it about themselves, not in a question. */
    OWN,
    /** Never counts: a report or a symptom, watched but not added up. */
    NO
  }

  /** A rule fires when every part matches somewhere in the message. */
  record Rule(
      String id,
      List<Pattern> parts,
      RiskLevel level,
      Set<RiskCategory> categories,
      Person person,
      Repeat repeat) {}

  static RiskRules fromClasspath() {
    return load(
        name -> {
          InputStream in = RiskRules.class.getClassLoader().getResourceAsStream(DIRECTORY + name);
          if (in == null) {
            throw new RiskRulesException(DIRECTORY + name + ": not found on the classpath");
          }
          return new InputStreamReader(in, StandardCharsets.UTF_8);
        });
  }

  static RiskRules load(Function<String, Reader> files) {
    Map<String, String> macros = new LinkedHashMap<>();
    for (TsvTable.Row row : table(files, "macros.tsv", List.of("name", "pattern")).rows()) {
      String pattern = expand(row.require("pattern"), macros, row);
      compile(pattern, row);
      macros.put(row.require("name"), pattern);
    }
    for (String needed : List.of("NEGATION", "RETRACTION", "THIRD", "FIRST", "ADVICE")) {
      if (!macros.containsKey(needed)) {
        throw new RiskRulesException(DIRECTORY + "macros.tsv: macro " + needed + " is missing");
      }
    }
    List<Pattern> traps = new ArrayList<>();
    for (TsvTable.Row row : table(files, "traps.tsv", List.of("id", "pattern")).rows()) {
      traps.add(compile(expand(row.require("pattern"), macros, row), row));
    }
    List<Alias> aliases = new ArrayList<>();
    for (TsvTable.Row row : table(files, "aliases.tsv", List.of("pattern", "replacement")).rows()) {
      Pattern pattern = compile(expand(row.require("pattern"), macros, row), row);
      aliases.add(new Alias(pattern, Matcher.quoteReplacement(row.require("replacement"))));
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<String> columns = List.of("id", "pattern", "level", "categories", "person");
    for (TsvTable.Row row : table(files, "lexicon.tsv", columns).rows()) {
      rules.add(rule(row, macros, ids));
    }
    return new RiskRules(
        List.copyOf(traps),
        List.copyOf(aliases),
        List.copyOf(rules),
        Pattern.compile("(?:" + macros.get("NEGATION") + ")$"),
        Pattern.compile(macros.get("RETRACTION")),
        Pattern.compile(macros.get("THIRD")),
        Pattern.compile(macros.get("FIRST")),
        Pattern.compile(macros.get("ADVICE")));
  }

  private static Rule rule(TsvTable.Row row, Map<String, String> macros, Set<String> ids) {
    String id = row.require("id");
    if (!ids.add(id)) {
      throw row.error("duplicate rule id '" + id + "'");
    }
    List<Pattern> parts = new ArrayList<>();
    for (String part : row.require("pattern").split("\\s*&&\\s*")) {
      parts.add(compile(expand(part, macros, row), row));
    }
    try {
      RiskLevel level = RiskLevel.fromCode(row.require("level"));
      if (level == RiskLevel.NONE) {
        throw row.error("level 'none' makes a rule that does nothing");
      }
      Set<RiskCategory> categories = EnumSet.noneOf(RiskCategory.class);
      for (String code : row.require("categories").split("[,，\\s]+")) {
        categories.add(RiskCategory.fromCode(code));
      }
      Person person = Person.valueOf(row.require("person").toUpperCase(java.util.Locale.ROOT));
      Repeat repeat = repeat(row);
      return new Rule(id, List.copyOf(parts), level, categories, person, repeat);
    } catch (IllegalArgumentException e) {
      throw row.error(e.getMessage().startsWith("No enum") ? "unknown person" : e.getMessage());
    }
  }

  /** The optional {@code repeat} column: yes (the default), own or no. */
  private static Repeat repeat(TsvTable.Row row) {
    String value = row.get("repeat");
    if (value.isEmpty()) {
      return Repeat.YES;
    }
    for (Repeat r : Repeat.values()) {
      if (r.name().equalsIgnoreCase(value)) {
        return r;
      }
    }
    throw row.error("unknown repeat '" + value + "' (yes, own or no)");
  }

  private static TsvTable table(Function<String, Reader> files, String name, List<String> cols) {
    return TsvTable.read(DIRECTORY + name, files.apply(name), cols);
  }

  private static String expand(String pattern, Map<String, String> macros, TsvTable.Row row) {
    Matcher m = MACRO.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String body = macros.get(m.group(1));
      if (body == null) {
        throw row.error("unknown macro {" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement("(?:" + body + ")"));
    }
    return m.appendTail(out).toString();
  }

  private static Pattern compile(String regex, TsvTable.Row row) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw row.error("bad pattern: " + e.getDescription() + " near index " + e.getIndex());
    }
  }
}
