package org.xinqiao.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.Callable;
import org.xinqiao.safety.RiskAssessor;
import org.xinqiao.safety.SafetyBatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "safety",
    description = "Safety tools.",
    subcommands = {SafetyCommands.Check.class})
final class SafetyCommands {

  @Command(
      name = "check",
      description = "Assess messages: one per line on standard input with --batch, JSON out.")
  static final class Check implements Callable<Integer> {
    @Option(names = "--batch", description = "read one message per line from standard input")
    boolean batch;

    @Parameters(arity = "0..*", description = "a message (without --batch)")
    List<String> message;

    @Override
    public Integer call() throws IOException {
      RiskAssessor assessor = RiskAssessor.fromClasspath();
      Writer out = Utf8Io.stdout();
      SafetyBatch.run(
          assessor,
          batch
              ? Utf8Io.stdin()
              : new StringReader(String.join(" ", message == null ? List.of() : message)),
          out);
      out.flush();
      return 0;
    }
  }
}
