package org.xinqiao.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command-line tools that run from the built jar without starting the server (no port): {@code java
 * -jar xinqiao.jar kb search --batch}, {@code ... safety check --batch}, and the reports ({@code
 * report semester}, {@code report audit}), which only read the configured database.
 */
@Command(
    name = "xinqiao",
    mixinStandardHelpOptions = true,
    subcommands = {KnowledgeCommands.class, SafetyCommands.class, ReportCommands.class},
    description = "XinQiao tools that run without the server.")
public final class XinQiaoCli {

  private static final Set<String> TOOLS = Set.of("kb", "safety", "report", "--help", "-h");

  private XinQiaoCli() {}

  /** True when the arguments name a tool rather than server options. */
  public static boolean handles(String[] args) {
    return args.length > 0 && TOOLS.contains(args[0]);
  }

  public static int run(String[] args) {
    CliLogging.warningsToStandardError();
    return new CommandLine(new XinQiaoCli()).execute(args);
  }
}
