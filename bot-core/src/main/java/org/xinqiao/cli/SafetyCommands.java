package org.xinqiao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.xinqiao.safety.RiskAssessor;
import org.xinqiao.safety.SafetyBatch;
import org.xinqiao.safety.SafetyTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "safety",
    description = "Safety tools.",
    subcommands = {SafetyCommands.Check.class, SafetyCommands.Train.class})
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
}
