package org.xinqiao.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.xinqiao.kb.Audience;
import org.xinqiao.kb.BatchSearch;
import org.xinqiao.kb.ContentError;
import org.xinqiao.kb.ContentFile;
import org.xinqiao.kb.GateCalibration;
import org.xinqiao.kb.KnowledgeBase;
import org.xinqiao.knowledge.KnowledgeContent;
import org.xinqiao.knowledge.KnowledgeProperties;
import org.xinqiao.semantic.TextEmbedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "kb",
    description = "Knowledge-base tools.",
    subcommands = {
      KnowledgeCommands.Search.class,
      KnowledgeCommands.Validate.class,
      KnowledgeCommands.Calibrate.class,
      KnowledgeCommands.Fold.class,
      KnowledgeCommands.Vectors.class
    })
final class KnowledgeCommands {

  static List<ContentFile> content(Path dir) {
    return KnowledgeContent.read(
        new KnowledgeProperties(dir, java.time.Duration.ofSeconds(30), false));
  }

  @Command(
      name = "search",
      description = "Search questions: one per line on standard input with --batch, JSON out.")
  static final class Search implements Callable<Integer> {
    @Option(names = "--batch", description = "read one question per line from standard input")
    boolean batch;

    @Option(names = "--content-dir", description = "entry folder (default: the built-in entries)")
    Path contentDir;

    @Option(
        names = "--audience",
        description = "who asks: parent, teacher or all (default: all)",
        defaultValue = "all")
    String audience;

    @Parameters(arity = "0..*", description = "a question (without --batch)")
    List<String> question;

    @Override
    public Integer call() throws IOException {
      Audience reader =
          "all".equals(audience) ? Audience.BOTH : Audience.parse(audience).orElse(null);
      if (reader == null || reader == Audience.BOTH && !"all".equals(audience)) {
        System.err.println("--audience must be parent, teacher or all");
        return 2;
      }
      try (KnowledgeBase kb = KnowledgeBase.load(content(contentDir))) {
        Writer out = Utf8Io.stdout();
        if (batch) {
          BatchSearch.run(kb, reader, Utf8Io.stdin(), out);
        } else {
          BatchSearch.run(
              kb,
              reader,
              new StringReader(String.join(" ", question == null ? List.of() : question)),
              out);
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "validate",
      description = "Check every entry and check-in file; exit 1 with file:line errors.")
  static final class Validate implements Callable<Integer> {
    @Option(names = "--content-dir", description = "entry folder (default: the built-in entries)")
    Path contentDir;

    @Override
    public Integer call() {
      List<ContentError> errors =
          new java.util.ArrayList<>(KnowledgeBase.validate(content(contentDir)));
      // the check-ins beside the entries are content too: same folder, same file:line errors
      errors.addAll(org.xinqiao.checkin.CheckinValidation.validate(contentDir));
      errors.forEach(e -> System.err.println(e));
      System.out.println(errors.isEmpty() ? "ok" : errors.size() + " error(s)");
      return errors.isEmpty() ? 0 : 1;
    }
  }

  @Command(
      name = "calibrate",
      description =
          "Refit the search gate on the bundled calibration set against the content; writes the"
              + " model file (knowledge-base/src/main/resources/kb/gate-model.properties).")
  static final class Calibrate implements Callable<Integer> {
    @Option(names = "--content-dir", description = "entry folder (default: the built-in entries)")
    Path contentDir;

    @Option(names = "--out", description = "write the model here (default: standard output)")
    Path out;

    @Override
    public Integer call() throws IOException {
      String model;
      try (TextEmbedder embedder = TextEmbedder.loadBundled(20_000)) {
        model = GateCalibration.fit(content(contentDir), embedder, LocalDate.now(ZoneOffset.UTC));
      }
      if (out == null) {
        Writer stdout = Utf8Io.stdout();
        stdout.write(model);
        stdout.flush();
      } else {
        Files.writeString(out, model, StandardCharsets.UTF_8);
        System.err.println("wrote " + out);
      }
      return 0;
    }
  }

  @Command(
      name = "fold",
      description =
          "Append the questions authors marked out of scope in the console (calibration-additions.tsv"
              + " of a content folder) to the calibration set; then run kb calibrate and kb vectors.")
  static final class Fold implements Callable<Integer> {
    @Parameters(index = "0", description = "the calibration-additions.tsv to fold in")
    Path additions;

    @Option(
        names = "--into",
        required = true,
        description = "the calibration set (knowledge-base/src/main/resources/kb/calibration.tsv)")
    Path calibration;

    @Override
    public Integer call() throws IOException {
      org.xinqiao.kb.CalibrationAdditions.Folded folded;
      try {
        folded =
            org.xinqiao.kb.CalibrationAdditions.fold(
                Files.readString(calibration, StandardCharsets.UTF_8),
                Files.readString(additions, StandardCharsets.UTF_8),
                LocalDate.now(ZoneOffset.UTC));
      } catch (IllegalArgumentException e) {
        System.err.println(additions + ": " + e.getMessage());
        return 1;
      }
      if (folded.added() > 0) {
        Files.writeString(calibration, folded.calibration(), StandardCharsets.UTF_8);
      }
      System.err.println(
          "folded "
              + folded.added()
              + " new question(s) into "
              + calibration
              + " ("
              + folded.alreadyThere()
              + " already there)"
              + (folded.added() > 0 ? "; now run kb calibrate and kb vectors" : ""));
      return 0;
    }
  }

  @Command(
      name = "vectors",
      description =
          "Embed every text the knowledge base embeds at start-up and write them, to ship as"
              + " knowledge-base/src/main/resources/kb/text-vectors.bin (start-up then reads them).")
  static final class Vectors implements Callable<Integer> {
    @Option(names = "--content-dir", description = "entry folder (default: the built-in entries)")
    Path contentDir;

    @Option(names = "--out", required = true, description = "the vector file to write")
    Path out;

    @Override
    public Integer call() throws IOException {
      try (TextEmbedder embedder = TextEmbedder.loadBundled(20_000);
          java.io.OutputStream file = Files.newOutputStream(out)) {
        KnowledgeBase.writeVectors(content(contentDir), embedder, file);
      }
      System.err.println("wrote " + out);
      return 0;
    }
  }
}
