package org.xinqiao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.xinqiao.safety.CandidateExport;
import org.xinqiao.safety.RiskAssessor;
import org.xinqiao.safety.SafetyBatch;
import org.xinqiao.safety.SafetyTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(
    name = "safety",
    description = "Safety tools.",
    subcommands = {
      SafetyCommands.Check.class,
      SafetyCommands.Train.class,
      SafetyCommands.Candidates.class
    })
final class SafetyCommands {

  @Command(
      name = "check",
      description =
          "Assess messages: one per line on standard input with --batch, or one"
              + " {\"messages\": [...]} per line with --conversations (the last message is"
              + " assessed with the earlier ones as context); JSON out.")
  static final class Check implements Callable<Integer> {
    @Option(names = "--batch", description = "read one message per line from standard input")
    boolean batch;

    @Option(
        names = "--conversations",
        description = "read one {\"messages\": [\"...\", \"...\"]} per line from standard input")
    boolean conversations;

    @Parameters(arity = "0..*", description = "a message (without --batch)")
    List<String> message;

    @Override
    public Integer call() throws IOException {
      RiskAssessor assessor = RiskAssessor.fromClasspath();
      Writer out = Utf8Io.stdout();
      if (conversations) {
        SafetyBatch.conversations(assessor, Utf8Io.stdin(), out);
      } else {
        SafetyBatch.run(
            assessor,
            batch
                ? Utf8Io.stdin()
                : new StringReader(String.join(" ", message == null ? List.of() : message)),
            out);
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "train",
      description =
          "Rebuild safety/model/ from safety/examples/*.tsv (deterministic): grouped"
              + " cross-validation, thresholds at the stated false-alarm rates, figures.")
  static final class Train implements Callable<Integer> {
    @Option(
        names = "--resources",
        defaultValue = "bot-core/src/main/resources",
        description = "the folder holding safety/examples and safety/model (${DEFAULT-VALUE})")
    Path resources;

    @Option(names = "--fresh", description = "embed every line again instead of reusing vectors")
    boolean fresh;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = new PrintWriter(Utf8Io.stdout());
      SafetyTrainer.trainAndWrite(resources, fresh, out);
      return 0;
    }
  }

  @Command(
      name = "candidates",
      description =
          "Export the candidate exemplars counselors accepted in the console, in the"
              + " safety/examples TSV format (masked message text: children's data). Reads the"
              + " same database settings as the server (XINQIAO_DB_URL ...).")
  static final class Candidates implements Callable<Integer> {
    @Option(names = "--export", required = true, description = "the TSV file to write")
    Path export;

    /** Spring settings such as --xinqiao.db.url=..., passed on to the application context. */
    @Unmatched List<String> settings;

    /**
     * The application named, not referenced: the application's main method calls this CLI, and a
     * code reference back would be a cycle between the two.
     */
    private static Class<?> applicationClass() {
      try {
        return Class.forName("org.xinqiao.XinQiaoApplication");
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("the application class is missing from the jar", e);
      }
    }

    @Override
    public Integer call() throws IOException {
      try (ConfigurableApplicationContext app =
              new SpringApplicationBuilder(applicationClass())
                  .web(WebApplicationType.NONE)
                  .logStartupInfo(false)
                  .properties(
                      "xinqiao.scheduler.enabled=false",
                      "spring.main.banner-mode=off",
                      "logging.level.root=WARN")
                  .run(settings == null ? new String[0] : settings.toArray(String[]::new));
          Writer out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
        int n = app.getBean(CandidateExport.class).exportTsv(out);
        PrintWriter console = new PrintWriter(Utf8Io.stdout());
        console.println(n + " accepted candidates written to " + export);
        console.flush();
      }
      return 0;
    }
  }
}
